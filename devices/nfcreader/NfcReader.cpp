#include "nfcreader/NfcReader.h"

#include "util/Logging.h"

#include <QProcess>
#include <QThread>

namespace lz::nfc {

NfcReader::NfcReader(NfcReaderOptions options)
    : m_options(std::move(options)) {
    m_status.connstring = m_options.connstring;
    m_clock.start();
}

NfcReader::~NfcReader() {
    if (m_helper) {
        m_helper->closeWriteChannel(); // EOF: the helper closes the reader and exits
        if (!m_helper->waitForFinished(1000))
            m_helper->kill();
        m_helper->waitForFinished(1000);
    }
}

void NfcReader::setState(NfcReaderStatus::State s) {
    if (s != m_status.state)
        qCDebug(lcNfc, "reader state %d -> %d", int(m_status.state), int(s));
    m_status.state = s;
    if (m_onStatus && *m_onStatus)
        (*m_onStatus)(m_status);
}

void NfcReader::send(const QCborMap& m) {
    if (m_helper)
        m_helper->write(frameMessage(m));
}

bool NfcReader::startHelper() {
    m_wire = WireReader();
    m_fatalCode.reset();
    m_fatalDetail.clear();
    m_helper = std::make_unique<QProcess>();
    m_helper->setProgram(m_options.helperPath);
    m_helper->setArguments({m_options.connstring});
    m_helper->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_helper->start();
    m_startedMs = m_lastMessageMs = m_clock.elapsed();
    if (!m_helper->waitForStarted(2000)) {
        helperDied(NfcCode::ReaderCrashed,
                   QStringLiteral("cannot start %1: %2").arg(m_options.helperPath, m_helper->errorString()));
        return false;
    }
    m_status.helperPid = m_helper->processId();
    m_opening = true;
    // A restart after a failure stays "absent" until the reader answers: the kiosk's chip must
    // not flicker between absent and starting while nothing is plugged in.
    if (m_status.state != NfcReaderStatus::State::Absent)
        setState(NfcReaderStatus::State::Starting);
    return true;
}

void NfcReader::helperDied(NfcCode code, const QString& detail) {
    m_opening = false;
    if (m_helper) {
        if (m_helper->state() != QProcess::NotRunning) {
            m_helper->kill();
            m_helper->waitForFinished(1000);
        }
        m_helper.reset();
    }
    m_status.lastError = m_fatalCode.value_or(code);
    m_status.lastErrorDetail = m_fatalCode ? m_fatalDetail : detail;
    // Said once when the reader goes; its restarts while it stays away only at debug level.
    if (m_status.state != NfcReaderStatus::State::Absent)
        qCInfo(lcNfc, "reader lost: %s: %s", qPrintable(nfcCodeName(*m_status.lastError)),
               qPrintable(m_status.lastErrorDetail));
    else
        qCDebug(lcNfc, "reader still away: %s", qPrintable(nfcCodeName(*m_status.lastError)));
    m_status.device.clear();
    m_status.firmware.clear();
    m_status.helperPid = 0;
    ++m_status.restarts;
    const int delay = qMin(m_options.backoffMaxMs, m_options.backoffFirstMs << qMin(m_failures, 8));
    ++m_failures;
    m_nextStartMs = m_clock.elapsed() + delay;
    setState(NfcReaderStatus::State::Absent);
}

NfcReader::Wait NfcReader::waitMessage(int timeoutMs, QCborMap& out) {
    QElapsedTimer t;
    t.start();
    for (;;) {
        auto m = m_wire.next();
        if (!m) {
            helperDied(m.error().code, m.error().detail);
            return Wait::Died;
        }
        if (*m) {
            out = **m;
            m_lastMessageMs = m_clock.elapsed();
            const QString ev = out.value(QStringLiteral("ev")).toString();
            if (ev == QLatin1String("alive"))
                continue;
            if (ev != QLatin1String("fatal"))
                return Wait::Message;
            // The helper names its failure; a name this terminal does not know is the wire's fault.
            const QString name = out.value(QStringLiteral("code")).toString().left(40);
            m_fatalCode = nfcCodeFromName(name).value_or(NfcCode::WireMalformed);
            m_fatalDetail = out.value(QStringLiteral("detail")).toString().left(300);
            continue; // the helper exits next
        }
        if (m_helper && m_helper->bytesAvailable() > 0) {
            m_wire.feed(m_helper->readAllStandardOutput());
            continue;
        }
        if (!m_helper || m_helper->state() == QProcess::NotRunning) {
            const bool crashed = m_helper && m_helper->exitStatus() == QProcess::CrashExit;
            helperDied(crashed ? NfcCode::ReaderCrashed : NfcCode::ReaderIo,
                       crashed ? QStringLiteral("helper process crashed") : QStringLiteral("helper exited"));
            return Wait::Died;
        }
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0)
            return Wait::Timeout;
        if (!m_helper->waitForReadyRead(int(left)) && m_helper->state() == QProcess::Running)
            continue; // timed out (checked above) or interrupted
        m_wire.feed(m_helper->readAllStandardOutput());
    }
}

NfcExpected<QByteArray> NfcReader::transceive(const QByteArray& capdu) {
    if (!m_helper)
        return nfcError(NfcCode::ReaderIo, QStringLiteral("reader not running"));
    if (m_stop && m_stop->requested())
        return nfcError(NfcCode::ReaderStopped, QStringLiteral("the terminal is shutting down"));
    QCborMap m;
    m.insert(QStringLiteral("op"), QLatin1String("apdu"));
    m.insert(QStringLiteral("seq"), ++m_seq);
    m.insert(QStringLiteral("data"), capdu);
    m.insert(QStringLiteral("timeout"), m_options.commandTimeoutMs);
    send(m);
    const int limit = m_options.commandTimeoutMs + m_options.watchdogMarginMs;
    QElapsedTimer waited;
    waited.start();
    QCborMap answer;
    for (;;) {
        switch (waitMessage(int(qMax<qint64>(1, limit - waited.elapsed())), answer)) {
        case Wait::Died:
            return nfcError(m_status.lastError.value_or(NfcCode::ReaderIo), m_status.lastErrorDetail);
        case Wait::Timeout:
            helperDied(NfcCode::ReaderHung, QStringLiteral("no answer to an APDU within %1 ms").arg(limit));
            return nfcError(NfcCode::ReaderHung, m_status.lastErrorDetail);
        case Wait::Message:
            break;
        }
        // A reply to an earlier command (its session gave up on it) is not this one's answer.
        const QString kind = answer.value(QStringLiteral("ev")).toString();
        const bool reply = kind == QLatin1String("rapdu") || kind == QLatin1String("error");
        if (!reply || answer.value(QStringLiteral("seq")).toInteger(-1) == m_seq)
            break;
    }
    const QString ev = answer.value(QStringLiteral("ev")).toString();
    if (ev == QLatin1String("rapdu")) {
        const QByteArray r = answer.value(QStringLiteral("data")).toByteArray();
        // Sizes and status words only: the bytes are a document's data groups or a presentation.
        qCDebug(lcNfcTraffic, "C-APDU INS %02x, %lld bytes -> R-APDU %lld bytes, SW %s",
                capdu.size() > 1 ? uchar(capdu.at(1)) : 0, qint64(capdu.size()), qint64(r.size()),
                r.size() >= 2 ? r.right(2).toHex().constData() : "-");
        return r;
    }
    if (ev == QLatin1String("left")) { // the card went between two APDUs; the helper polls again
        setState(NfcReaderStatus::State::Ready);
        return nfcError(NfcCode::CardLeft, QStringLiteral("card left the field between two commands"));
    }
    if (ev == QLatin1String("error")) {
        const QString name = answer.value(QStringLiteral("code")).toString().left(40);
        if (const auto code = nfcCodeFromName(name))
            return nfcError(*code, answer.value(QStringLiteral("detail")).toString().left(300));
        return nfcError(NfcCode::WireMalformed,
                        QStringLiteral("unknown error \"%1\" from the helper").arg(name));
    }
    helperDied(NfcCode::WireMalformed, QStringLiteral("unexpected \"%1\" during an APDU").arg(ev.left(20)));
    return nfcError(NfcCode::WireMalformed, m_status.lastErrorDetail);
}

void NfcReader::run(StopToken& stop, const StatusHandler& onStatus, const CardHandler& onCard) {
    m_onStatus = &onStatus;
    m_stop = &stop;
    const Transceive transceiveFn = [this](const QByteArray& c) { return transceive(c); };
    while (!stop.requested()) {
        if (!m_helper) {
            // The restart back-off: a wait that a stop ends at once.
            if (const qint64 wait = m_nextStartMs - m_clock.elapsed(); wait > 0 && !stop.waitFor(wait))
                break;
            if (!startHelper())
                continue;
        }
        QCborMap m;
        const Wait w = waitMessage(100, m);
        if (w == Wait::Died)
            continue;
        if (w == Wait::Timeout) {
            if (m_opening && m_clock.elapsed() - m_startedMs > m_options.startTimeoutMs)
                helperDied(NfcCode::ReaderHung,
                           QStringLiteral("reader did not open within %1 ms").arg(m_options.startTimeoutMs));
            else if (!m_opening && m_clock.elapsed() - m_lastMessageMs > m_options.silenceMs)
                helperDied(NfcCode::ReaderHung,
                           QStringLiteral("no word from the reader for %1 ms").arg(m_options.silenceMs));
            continue;
        }
        const QString ev = m.value(QStringLiteral("ev")).toString();
        if (ev == QLatin1String("ready")) {
            m_failures = 0;
            m_opening = false;
            m_status.device = m.value(QStringLiteral("device")).toString().left(100);
            m_status.firmware = m.value(QStringLiteral("firmware")).toString().left(60);
            setState(NfcReaderStatus::State::Ready);
        } else if (ev == QLatin1String("card")) {
            const NfcTarget target{m.value(QStringLiteral("type")).toString().left(2),
                                   m.value(QStringLiteral("uid")).toByteArray().left(10),
                                   m.value(QStringLiteral("ats")).toByteArray().left(254)};
            setState(NfcReaderStatus::State::CardPresent);
            if (onCard)
                onCard(target, transceiveFn);
            QCborMap release;
            release.insert(QStringLiteral("op"), QLatin1String("release"));
            send(release);
        } else if (ev == QLatin1String("left")) {
            if (m_helper)
                setState(NfcReaderStatus::State::Ready);
        } else if (ev == QLatin1String("error") || ev == QLatin1String("rapdu")) {
            // a late answer to an APDU whose session has ended: nothing waits for it
        } else {
            helperDied(NfcCode::WireMalformed, QStringLiteral("unknown event \"%1\"").arg(ev.left(20)));
        }
    }
    m_onStatus = nullptr;
    m_stop = nullptr;
}

} // namespace lz::nfc
