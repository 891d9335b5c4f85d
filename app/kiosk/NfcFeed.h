#pragma once
// The kiosk's NFC reader: NfcReader (lz-nfc-reader, libnfc) on a thread of its own. For each
// phone laid on the reader it sends a fresh challenge (random nonce, this terminal's id, the
// time), reads the signed presentation (readWallet) and hands it to the backend, which decides
// with the same Verifier as for QR codes. A tap that cannot be read becomes a named problem for
// the guest's screen; the reader's state becomes a device chip like the camera's.
#include "icao/ChipReader.h"
#include "nfcreader/NfcReader.h"
#include "ui/KioskTypes.h"
#include "verify/Clock.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace lz {

// A travel document's chip as read for the clerk's MRZ key, handed to the backend to verify.
struct PassportTap {
    icao::MrzKey key;
    QMap<int, QByteArray> dataGroups; // 1 → DG1, 2 → DG2, 14, 15 when the chip has them
    QByteArray sod;
    icao::ActiveAuthExchange activeAuth;
    QString access; // "PACE" / "BAC"
    int apdus = 0, minimumApdus = 0;
    qint64 bytes = 0; // sent + received
    qint64 readMs = 0;
};

class NfcFeed : public QObject {
    Q_OBJECT
public:
    NfcFeed(nfc::NfcReaderOptions options, QString terminalId, QObject* parent = nullptr);
    ~NfcFeed() override;
    void start();
    void stop();
    ui::DeviceView view() const;
    // The next document laid on the reader is read as a passport with this key (instead of the
    // wallet protocol), until it is read, the chip refuses the key, or cancelPassport().
    void expectPassport(const icao::MrzKey& key);
    void cancelPassport();
    // Read the wallet's portrait after its answer (the venue offers the face check).
    void setWantPortrait(bool on) { m_wantPortrait = on; }

signals:
    // A phone answered the challenge: `nonce` and `audience` are what the presentation must carry.
    // `portrait`: the holder's portrait when asked for (setWantPortrait) and read; portraitFailed:
    // the wallet has one and it could not be read (lifted, broken).
    void presented(const QByteArray& presentation, const QByteArray& nonce, const QString& audience,
                   qint64 tapNs, const QByteArray& portrait, bool portraitFailed);
    // A tap that gave nothing to verify: a name from nfc/NfcError.h (card_left, card_unsupported, …).
    void tapFailed(lz::nfc::NfcCode code);
    void stateChanged(const lz::ui::DeviceView& view);
    // Passport mode: the chip opened (fid 0) or a file's bytes so far.
    void passportProgress(quint16 fid, qint64 done, qint64 total);
    void passportRead(const lz::PassportTap& tap, qint64 tapNs);
    // A name from nfc/NfcError.h or core/icao (bac_refused, pace_refused, not_emrtd, card_left, …).
    void passportFailed(lz::nfc::NfcCode code);

private:
    void onCard(const nfc::NfcTarget& target, const nfc::Transceive& transceive);
    void readPassport(const icao::MrzKey& key, const nfc::Transceive& transceive, qint64 tapNs);

    nfc::NfcReaderOptions m_options;
    QString m_terminalId;
    SystemClock m_clock;
    StopToken m_stop;
    std::unique_ptr<QThread> m_thread; // the reader's loop (docs/architecture.md "Threads")
    mutable QMutex m_mutex;
    ui::DeviceView m_view;
    std::optional<icao::MrzKey> m_passportKey; // under m_mutex
    std::atomic<bool> m_wantPortrait{false};
};

ui::GuestHint nfcHint(nfc::NfcCode code);

} // namespace lz

Q_DECLARE_METATYPE(lz::PassportTap)
