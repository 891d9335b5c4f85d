#include "scanner/SerialScanner.h"

namespace lz {

SerialScanner::SerialScanner(SerialScannerSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings)) {
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SerialScanner::open);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialScanner::onError);
}

void SerialScanner::start() {
    open();
}

void SerialScanner::stop() {
    m_retry.stop();
    m_port.close();
}

void SerialScanner::open() {
    m_port.setPortName(m_settings.port);
    if (!m_port.open(QIODevice::ReadOnly)) {
        m_error =
            QStringLiteral("scanner %1 cannot be opened: %2").arg(m_settings.port, m_port.errorString());
        emit presenceChanged(false, m_error);
        m_retry.start(m_backoffMs);
        m_backoffMs = std::min(m_backoffMs * 2, 5000);
        return;
    }
    m_port.setBaudRate(m_settings.baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    m_backoffMs = 250;
    m_buffer.clear();
    m_error.clear();
    emit presenceChanged(true, {});
}

void SerialScanner::onReadyRead() {
    m_buffer += m_port.readAll();
    qsizetype end;
    while ((end = m_buffer.indexOf(m_settings.terminator)) >= 0) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + m_settings.terminator.size());
        if (m_overflow) { // the tail of an over-long scan: drop it too
            m_overflow = false;
            continue;
        }
        const QByteArray text = line.trimmed();
        if (!text.isEmpty())
            emit scanned(QString::fromUtf8(text));
    }
    if (m_buffer.size() > m_settings.maxLength) {
        m_error = QStringLiteral("scanner %1 sent more than %2 bytes without a terminator; discarded")
                      .arg(m_settings.port)
                      .arg(m_settings.maxLength);
        m_buffer.clear();
        m_overflow = true;
    }
}

void SerialScanner::onError(QSerialPort::SerialPortError e) {
    if (e == QSerialPort::NoError || !m_port.isOpen())
        return;
    if (e == QSerialPort::ResourceError || e == QSerialPort::DeviceNotFoundError ||
        e == QSerialPort::PermissionError) {
        m_error = QStringLiteral("scanner %1 lost: %2").arg(m_settings.port, m_port.errorString());
        m_port.close();
        emit presenceChanged(false, m_error);
        m_retry.start(m_backoffMs);
    }
}

} // namespace lz
