#pragma once
// A 2D barcode scanner (扫码枪 / 扫码盒) in serial mode: USB CDC-ACM (/dev/ttyACM0) or a
// USB-serial adapter, through QSerialPort. Each scan arrives as text ended by a terminator.
// Unplugging is reported (absent, named error) and the port is reopened with backoff.
#include <QByteArray>
#include <QObject>
#include <QSerialPort>
#include <QTimer>

namespace lz {

struct SerialScannerSettings {
    QString port = QStringLiteral("/dev/ttyACM0");
    qint32 baudRate = 9600;
    QByteArray terminator = "\r"; // most scanners ship with CR; configurable (LF, CRLF)
    int maxLength = 4400;         // longest QR text plus slack; longer input is discarded
};

class SerialScanner : public QObject {
    Q_OBJECT
public:
    explicit SerialScanner(SerialScannerSettings settings, QObject* parent = nullptr);
    void start();
    void stop();
    bool isOpen() const { return m_port.isOpen(); }
    QString lastError() const { return m_error; }

signals:
    void scanned(const QString& text);
    void presenceChanged(bool present, const QString& error);

private:
    void open();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError e);

    SerialScannerSettings m_settings;
    QSerialPort m_port;
    QTimer m_retry;
    QByteArray m_buffer;
    QString m_error;
    int m_backoffMs = 250;
    bool m_overflow = false;
};

} // namespace lz
