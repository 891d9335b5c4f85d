#pragma once
// The kiosk's NFC reader: NfcReader (lz-nfc-reader, libnfc) on a thread of its own. For each
// phone laid on the reader it sends a fresh challenge (random nonce, this terminal's id, the
// time), reads the signed presentation (readWallet) and hands it to the backend, which decides
// with the same Verifier as for QR codes. A tap that cannot be read becomes a named problem for
// the guest's screen; the reader's state becomes a device chip like the camera's.
#include "nfc/NfcReader.h"
#include "ui/KioskTypes.h"
#include "verify/Clock.h"

#include <QObject>
#include <atomic>
#include <thread>

namespace lz {

class NfcFeed : public QObject {
    Q_OBJECT
public:
    NfcFeed(nfc::NfcReaderOptions options, QString terminalId, QObject* parent = nullptr);
    ~NfcFeed() override;
    void start();
    void stop();
    ui::DeviceView view() const;

signals:
    // A phone answered the challenge: `nonce` and `audience` are what the presentation must carry.
    void presented(const QByteArray& presentation, const QByteArray& nonce, const QString& audience,
                   qint64 tapNs);
    // A tap that gave nothing to verify: a name from nfc/NfcError.h (card_left, card_unsupported, …).
    void tapFailed(const QString& code);
    void stateChanged(const lz::ui::DeviceView& view);

private:
    void onCard(const nfc::NfcTarget& target, const nfc::Transceive& transceive);

    nfc::NfcReaderOptions m_options;
    QString m_terminalId;
    SystemClock m_clock;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
    mutable QMutex m_mutex;
    ui::DeviceView m_view;
};

ui::GuestHint nfcHint(const QString& code);

} // namespace lz
