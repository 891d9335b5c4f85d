#pragma once
// An ID-card reader (身份证阅读器): its SAM behind a serial port (a USB-serial bridge, or a
// pseudo-terminal with lz-sam-emu), through QSerialPort in blocking mode on the caller's thread
// (the kiosk's IdCardFeed runs it on a QThread of its own: docs/architecture.md "Threads").
// While idle it searches for a card every pollMs; a card found is selected and read once per
// placement (a card lifted and laid again is a new read); a failure is reported once per
// placement, never retried in a silent loop. An unplugged reader is reported absent at once
// and the port reopened every reopenMs, so a replugged one works again within a second or two.
#include "idcard/SamFrame.h"
#include "idcard/SamStatus.h"
#include "util/StopToken.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QSerialPort;

namespace lz::idcard {

struct SamReaderOptions {
    QString port = QStringLiteral("auto"); // a device path, or auto: the candidates answering SAM status
    QStringList autoCandidates{QStringLiteral("/dev/serial/by-id/*"), QStringLiteral("/dev/ttyUSB*"),
                               QStringLiteral("/dev/ttyACM*")};
    qint32 baudRate = 115200;
    int pollMs = 100;   // between searches while no new card is on the reader
    int reopenMs = 250; // between attempts to open an absent port
    // Beyond the answer's own time on the line: how long the SAM may work before it counts as
    // silent (a search is quick; a read includes the card's radio link and authentication).
    int quickAnswerMs = 500, readAnswerMs = 1500;
};

// One exchange's times (std::chrono::steady_clock, ns): request written, answer complete.
struct SamExchange {
    SamCommand command;
    qint64 sentNs = 0, answeredNs = 0;
};

struct CardRead {
    QByteArray text, photo;       // the raw blocks: never written anywhere by the reader
    QByteArray newAddress;        // the latest endorsed address (30 03), 70 bytes; empty: none
    QString samId;                // as printed by readers: 05.01-20101010-0012345678-0087654321
    QList<SamExchange> exchanges; // find, select, read (and the latest address) of this placement
};

struct SamReaderStatus {
    enum class State { Starting, Ready, Reading, Absent }; // Reading: a card was found and is being read
    State state = State::Starting;
    QString port; // the device in use (auto: the one that answered)
    QString samId;
    std::optional<SamError> lastError;
    QString lastErrorDetail;
    int opens = 0; // successful opens (a replug counts one more)
};

// The SAM id's 16 bytes as readers print them (two 16-bit and three 32-bit little-endian numbers).
QString samIdText(const QByteArray& sixteen);

class SamReader {
public:
    using StatusHandler = std::function<void(const SamReaderStatus&)>;
    using CardHandler = std::function<void(const CardRead&)>;
    using FailureHandler = std::function<void(const SamFailure&)>;

    explicit SamReader(SamReaderOptions options);
    ~SamReader();

    // Until stop is requested (seen within pollMs). Calls back on this thread.
    void run(StopToken& stop, const StatusHandler& onStatus, const CardHandler& onCard,
             const FailureHandler& onFailure);

private:
    struct Answer {
        quint8 sw3 = 0;
        QByteArray data;
    };
    using Result = std::optional<Answer>; // nullopt: the failure is in m_failure
    bool open();
    QStringList candidates() const;
    bool openPort(const QString& path);
    void close(SamError why, const QString& detail);
    Result exchange(SamCommand command, SamExchange* timing = nullptr);
    void setStatus(SamReaderStatus::State s);
    void pollOnce(const CardHandler& onCard, const FailureHandler& onFailure);

    SamReaderOptions m_options;
    SamReaderStatus m_status;
    const StatusHandler* m_onStatus = nullptr;
    const StopToken* m_stop = nullptr;
    std::unique_ptr<QSerialPort> m_port;
    SamFrameParser m_parser;
    SamFailure m_failure;       // of the last exchange that returned nullopt
    bool m_waitForLift = false; // this placement's failure is reported: not again until it is lifted
    // The last card read, until the reader is seen empty: a SAM that answered a search for a
    // card it has just read would otherwise have it read again and again (see the docs).
    QByteArray m_lastText;
};

} // namespace lz::idcard
