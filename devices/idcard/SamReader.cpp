#include "idcard/SamReader.h"

#include "idcard/CardText.h"
#include "util/Logging.h"
#include "util/SteadyClock.h"

#include <QDir>
#include <QFileInfo>
#include <QSerialPort>
#include <QtEndian>

namespace lz::idcard {
namespace {

// The largest answer each command can have, for the time it needs on the line.
int maxAnswerBytes(SamCommand c) {
    switch (c) {
    case SamCommand::ReadText:
        return 1295;
    case SamCommand::ReadTextFingerprint:
        return 2321;
    case SamCommand::ReadNewAddress:
        return 7 + 3 + 70 + 1;
    default:
        return 64;
    }
}

bool isRead(SamCommand c) {
    return c == SamCommand::ReadText || c == SamCommand::ReadTextFingerprint ||
           c == SamCommand::ReadNewAddress;
}

} // namespace

QString samIdText(const QByteArray& id) {
    if (id.size() < 16)
        return QString::fromLatin1(id.toHex());
    const auto* p = reinterpret_cast<const uchar*>(id.constData());
    return QStringLiteral("%1.%2-%3-%4-%5")
        .arg(qFromLittleEndian<quint16>(p), 2, 10, QLatin1Char('0'))
        .arg(qFromLittleEndian<quint16>(p + 2), 2, 10, QLatin1Char('0'))
        .arg(qFromLittleEndian<quint32>(p + 4), 8, 10, QLatin1Char('0'))
        .arg(qFromLittleEndian<quint32>(p + 8), 10, 10, QLatin1Char('0'))
        .arg(qFromLittleEndian<quint32>(p + 12), 10, 10, QLatin1Char('0'));
}

SamReader::SamReader(SamReaderOptions options)
    : m_options(std::move(options)) {}

SamReader::~SamReader() = default;

void SamReader::setStatus(SamReaderStatus::State s) {
    m_status.state = s;
    if (m_onStatus)
        (*m_onStatus)(m_status);
}

QStringList SamReader::candidates() const {
    if (m_options.port != QLatin1String("auto"))
        return {m_options.port};
    QStringList out;
    for (const QString& glob : m_options.autoCandidates) {
        const QFileInfo g(glob);
        const QDir dir(g.path());
        for (const QString& name : dir.entryList({g.fileName()}, QDir::Files | QDir::System, QDir::Name))
            out.append(dir.filePath(name));
    }
    return out;
}

bool SamReader::openPort(const QString& path) {
    m_port = std::make_unique<QSerialPort>();
    m_port->setPortName(path);
    if (!m_port->open(QIODevice::ReadWrite)) {
        m_failure = {SamError::PortUnavailable, QStringLiteral("%1: %2").arg(path, m_port->errorString())};
        m_port.reset();
        return false;
    }
    m_port->setBaudRate(m_options.baudRate);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    m_parser.clear();
    // A reader answers SAM status (11 FF) with 90: that is how "auto" tells it from a modem.
    const Result status = exchange(SamCommand::SamStatus);
    if (!status || status->sw3 != quint8(SamStatus::Ok)) {
        if (status)
            m_failure = {samErrorOfByte(status->sw3), QStringLiteral("%1: SAM status").arg(path)};
        m_port.reset();
        return false;
    }
    m_status.port = path;
    const Result id = exchange(SamCommand::SamId);
    m_status.samId = id && id->sw3 == quint8(SamStatus::Ok) ? samIdText(id->data) : QString();
    return true;
}

bool SamReader::open() {
    const QStringList ports = candidates();
    if (ports.isEmpty())
        m_failure = {SamError::PortUnavailable, QStringLiteral("no serial port answers as a SAM reader")};
    for (const QString& path : ports)
        if (openPort(path))
            return true;
    return false;
}

void SamReader::close(SamError why, const QString& detail) {
    m_port.reset();
    m_waitForLift = false;
    m_lastText.clear();
    m_status.lastError = why;
    m_status.lastErrorDetail = detail;
    qCWarning(lcIdCard, "reader lost: %s", qPrintable((SamFailure{why, detail}).text()));
    setStatus(SamReaderStatus::State::Absent);
}

SamReader::Result SamReader::exchange(SamCommand command, SamExchange* timing) {
    // Whatever a previous, abandoned exchange left on the line is not this answer.
    m_port->readAll();
    m_parser.clear();
    const QByteArray request = encodeRequest(command);
    const qint64 sentNs = steadyNowNs();
    if (m_port->write(request) != request.size() || !m_port->waitForBytesWritten(1000)) {
        m_failure = {SamError::PortLost, m_port->errorString()};
        return std::nullopt;
    }
    const int lineMs =
        int(qint64(maxAnswerBytes(command) + request.size()) * 10000 / std::max(1200, m_options.baudRate));
    const int waitMs = lineMs + (isRead(command) ? m_options.readAnswerMs : m_options.quickAnswerMs);
    QDeadlineTimer deadline(waitMs);
    for (;;) {
        while (auto item = m_parser.next()) {
            if (!item->frame) {
                m_failure = {item->problem == FrameProblem::BadChecksum ? SamError::FrameChecksum
                                                                        : SamError::FrameLength,
                             QStringLiteral("answer to %1").arg(quint16(command), 4, 16, QLatin1Char('0'))};
                return std::nullopt;
            }
            if (item->frame->body.size() < 3) {
                m_failure = {SamError::AnswerMalformed, QStringLiteral("an answer shorter than its status")};
                return std::nullopt;
            }
            if (timing)
                *timing = {command, sentNs, steadyNowNs()};
            return Answer{quint8(item->frame->body.at(2)), item->frame->body.mid(3)};
        }
        if (deadline.hasExpired()) {
            m_failure = {SamError::NoAnswer, QStringLiteral("no answer to %1 within %2 ms")
                                                 .arg(quint16(command), 4, 16, QLatin1Char('0'))
                                                 .arg(waitMs)};
            return std::nullopt;
        }
        if (!m_port->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 50)))) {
            const auto e = m_port->error();
            if (e != QSerialPort::NoError && e != QSerialPort::TimeoutError) {
                m_failure = {SamError::PortLost, m_port->errorString()};
                return std::nullopt;
            }
            if (m_stop && m_stop->requested()) {
                m_failure = {SamError::NoAnswer, QStringLiteral("stopped")};
                return std::nullopt;
            }
            continue;
        }
        m_parser.feed(m_port->readAll());
        if (m_parser.buffered() > 4 * kMaxBodyLength) { // noise without a preamble: not a reader
            m_failure = {SamError::FrameLength, QStringLiteral("noise on the line")};
            return std::nullopt;
        }
    }
}

void SamReader::pollOnce(const CardHandler& onCard, const FailureHandler& onFailure) {
    const auto fail = [&](SamError e, const QString& detail) {
        m_waitForLift = true; // reported once for this placement
        setStatus(SamReaderStatus::State::Ready);
        onFailure({e, detail});
    };
    CardRead read;
    SamExchange find{};
    const Result found = exchange(SamCommand::FindCard, &find);
    if (!found) {
        if (m_failure.code == SamError::PortLost || m_failure.code == SamError::NoAnswer)
            close(m_failure.code, m_failure.detail);
        // A damaged answer to a search is line noise while idle: the next search tells.
        return;
    }
    if (found->sw3 == quint8(SamStatus::FindFailed)) {
        // The reader is empty (or holds only the card already read, which no longer answers a
        // search): the next card found is a new placement.
        m_waitForLift = false;
        m_lastText.clear();
        return;
    }
    if (found->sw3 != quint8(SamStatus::CardFound)) {
        m_status.lastError = samErrorOfByte(found->sw3);
        m_status.lastErrorDetail =
            QStringLiteral("search answered %1").arg(found->sw3, 2, 16, QLatin1Char('0'));
        return;
    }
    if (m_waitForLift)
        return; // the card already read (or refused) is still there
    setStatus(SamReaderStatus::State::Reading);
    read.exchanges.append(find);
    SamExchange select{};
    const Result selected = exchange(SamCommand::SelectCard, &select);
    if (!selected) {
        if (m_failure.code == SamError::PortLost)
            return close(m_failure.code, m_failure.detail);
        return fail(m_failure.code, m_failure.detail);
    }
    if (selected->sw3 != quint8(SamStatus::Ok))
        return fail(samErrorOfByte(selected->sw3), QStringLiteral("select"));
    read.exchanges.append(select);
    SamExchange readTiming{};
    const Result answer = exchange(SamCommand::ReadText, &readTiming);
    if (!answer) {
        if (m_failure.code == SamError::PortLost)
            return close(m_failure.code, m_failure.detail);
        return fail(m_failure.code, m_failure.detail);
    }
    if (answer->sw3 != quint8(SamStatus::Ok))
        return fail(samErrorOfByte(answer->sw3), QStringLiteral("read"));
    read.exchanges.append(readTiming);
    auto blocks = parseReadAnswer(answer->data);
    if (!blocks)
        return fail(SamError::AnswerMalformed, blocks.error());
    setStatus(SamReaderStatus::State::Ready);
    // After a read the card is active and answers no search (ISO 14443-B: only an idle card
    // answers REQB) until it leaves the field: a card found next is a new placement, even one
    // lifted and laid again between two searches. Should a SAM answer for the card it has just
    // read, the same text again before the reader was seen empty is not a new read.
    if (!m_lastText.isEmpty() && blocks->text == m_lastText)
        return;
    m_lastText = blocks->text;
    // A resident card may carry a newer address than the printed one (迁移后签注): the SAM reads
    // it with 30 03 (91: none). Its failure costs only the newer address, never the read.
    if (cardTypeOf(blocks->text) == CardType::Resident) {
        SamExchange addressTiming{};
        if (const Result latest = exchange(SamCommand::ReadNewAddress, &addressTiming)) {
            read.exchanges.append(addressTiming);
            if (latest->sw3 == quint8(SamStatus::Ok))
                read.newAddress = latest->data;
        } else if (m_failure.code == SamError::PortLost) {
            return close(m_failure.code, m_failure.detail);
        }
    }
    read.text = blocks->text;
    read.photo = blocks->photo;
    read.samId = m_status.samId;
    onCard(read);
}

void SamReader::run(StopToken& stop, const StatusHandler& onStatus, const CardHandler& onCard,
                    const FailureHandler& onFailure) {
    m_stop = &stop;
    m_onStatus = &onStatus;
    setStatus(SamReaderStatus::State::Starting);
    while (!stop.requested()) {
        if (!m_port) {
            if (!open()) {
                if (m_status.state != SamReaderStatus::State::Absent ||
                    m_status.lastError != m_failure.code) {
                    m_status.lastError = m_failure.code;
                    m_status.lastErrorDetail = m_failure.detail;
                    setStatus(SamReaderStatus::State::Absent);
                }
                stop.waitFor(m_options.reopenMs);
                continue;
            }
            ++m_status.opens;
            m_status.lastError.reset();
            m_status.lastErrorDetail.clear();
            qCInfo(lcIdCard, "reader ready on %s", qPrintable(m_status.port));
            setStatus(SamReaderStatus::State::Ready);
        }
        pollOnce(onCard, onFailure);
        if (m_port)
            stop.waitFor(m_options.pollMs);
    }
    m_port.reset();
    m_onStatus = nullptr;
    m_stop = nullptr;
}

} // namespace lz::idcard
