#include "kiosk/MrzFeed.h"

#include "mrz/MrzReader.h"

namespace lz {

MrzFeed::MrzFeed(std::shared_ptr<FrameMailbox> frames, QObject* parent)
    : QObject(parent)
    , m_frames(std::move(frames)) {}

MrzFeed::~MrzFeed() {
    stop();
}

void MrzFeed::start() {
    if (m_thread)
        return;
    m_stopping = false;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("mrz-reader"));
    m_thread->start(QThread::LowPriority); // never ahead of the QR decoder or the UI
}

void MrzFeed::stop() {
    if (!m_thread)
        return;
    m_stopping = true;
    m_thread->wait();
    m_thread.reset();
    m_frames->close();
}

void MrzFeed::setActive(bool active) {
    if (active && !m_frames->isOpen() && !m_unavailable) {
        ++m_session;
        m_frames->open();
    } else if (!active && m_frames->isOpen()) {
        ++m_session; // a frame being read now belongs to no one
        m_frames->close();
    }
}

void MrzFeed::run() {
    // Nothing may leave this thread by exception (it would end the kiosk): a failure here turns
    // the camera reading off, said once, and the clerk types as before.
    try {
        readFrames();
    } catch (const std::exception& e) {
        m_unavailable = true;
        m_frames->close();
        emit unavailable(QStringLiteral("mrz_reader_failed: ") + QString::fromLocal8Bit(e.what()));
    }
}

void MrzFeed::readFrames() {
    auto font = mrz::OcrbFont::load();
    if (!font) {
        m_unavailable = true;
        m_frames->close();
        emit unavailable(QLatin1String(mrz::fontErrorName(font.error().error)) + QStringLiteral(": ") +
                         font.error().detail);
        return;
    }
    mrz::MrzReader reader(*font); // the templates are drawn once, here
    quint64 session = 0;
    icao::MrzKey pending, handedOn;
    QString lastHint;
    while (!m_stopping) {
        Frame frame;
        if (!m_frames->take(frame, 200))
            continue;
        if (session != m_session) { // reading (re)started: nothing from before counts
            session = m_session;
            pending = handedOn = {};
            lastHint.clear();
        }
        const mrz::MrzFrameResult r = reader.read(frame.image);
        const QString name = QLatin1String(mrz::mrzHintName(r.hint));
        if (name != lastHint && session == m_session) {
            lastHint = name;
            emit hint(name);
        }
        if (!r.reading) {
            pending = {};
            continue;
        }
        const icao::MrzKey& key = r.reading->mrz.key;
        const auto same = [](const icao::MrzKey& a, const icao::MrzKey& b) {
            return a.documentNumber == b.documentNumber && a.birthDate == b.birthDate &&
                   a.expiryDate == b.expiryDate;
        };
        // Still the session the frame was read in: the clerk may have left (or left and come
        // back) while it was read, and another guest's key must not reach the screen.
        if (same(key, pending) && !same(key, handedOn) && session == m_session) {
            handedOn = key;
            emit keyRead(key.documentNumber, key.birthDate, key.expiryDate);
        }
        pending = key;
    }
}

} // namespace lz
