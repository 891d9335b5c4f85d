#pragma once
#include <optional>
// The terminal's NFC reader: runs lz-nfc-reader (the libnfc helper process, NfcWire.h), names
// every failure, and restarts the helper with backoff — a reader unplugged, hung, crashed or
// sending garbage comes back by itself when it can. run() blocks its thread (the kiosk gives it
// one); for each card in the field it calls onCard with a transceive function for that card.
#include "nfc/WalletReader.h"
#include "nfcreader/NfcWire.h"
#include "util/StopToken.h"

#include <QElapsedTimer>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class QProcess;

namespace lz::nfc {

struct NfcTarget {
    QString type; // "A" (ISO 14443-A, e.g. a phone) or "B" (e.g. a resident ID card)
    QByteArray uid, ats;
};

struct NfcReaderStatus {
    enum class State { Starting, Ready, CardPresent, Absent };
    State state = State::Starting;
    QString connstring;               // as configured
    QString device;                   // what libnfc calls the open reader (driver and port)
    QString firmware;                 // the reader chip and its firmware, e.g. "PN532 v1.6"
    std::optional<NfcCode> lastError; // none yet, or the last failure
    QString lastErrorDetail;
    int restarts = 0;     // helper processes started after the first
    qint64 helperPid = 0; // the running lz-nfc-reader, 0 when none
};

struct NfcReaderOptions {
    QString helperPath; // lz-nfc-reader
    QString connstring = QStringLiteral("auto");
    int commandTimeoutMs = 500;  // per APDU, inside libnfc
    int startTimeoutMs = 4000;   // helper start + nfc_open + init
    int watchdogMarginMs = 1500; // beyond libnfc's own timeouts before the helper counts as hung
    int silenceMs = 3000;        // no message at all (the helper says "alive" every 0.5 s): hung
    int backoffFirstMs = 200;    // restart delays double up to backoffMaxMs
    int backoffMaxMs = 1000;
};

class NfcReader {
public:
    using CardHandler = std::function<void(const NfcTarget&, const Transceive&)>;
    using StatusHandler = std::function<void(const NfcReaderStatus&)>;

    explicit NfcReader(NfcReaderOptions options);
    ~NfcReader();

    // Until stop is requested (seen within 100 ms, at once during a restart back-off). Calls back
    // on this thread.
    void run(StopToken& stop, const StatusHandler& onStatus, const CardHandler& onCard);

private:
    enum class Wait { Message, Timeout, Died };
    bool startHelper();
    void helperDied(NfcCode code, const QString& detail);
    Wait waitMessage(int timeoutMs, QCborMap& out);
    NfcExpected<QByteArray> transceive(const QByteArray& capdu);
    void setState(NfcReaderStatus::State s);
    void send(const QCborMap& m);

    NfcReaderOptions m_options;
    NfcReaderStatus m_status;
    const StatusHandler* m_onStatus = nullptr;
    std::unique_ptr<QProcess> m_helper;
    WireReader m_wire;
    QElapsedTimer m_clock;
    qint64 m_nextStartMs = 0, m_startedMs = 0, m_lastMessageMs = 0;
    qint64 m_seq = 0; // of the last APDU sent; replies carry it
    const StopToken* m_stop = nullptr;
    int m_failures = 0;
    bool m_opening = false;             // helper started, "ready" not yet received
    std::optional<NfcCode> m_fatalCode; // what the helper said before it exited
    QString m_fatalDetail;
};

} // namespace lz::nfc
