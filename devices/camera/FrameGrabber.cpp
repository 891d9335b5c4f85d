#include "camera/FrameGrabber.h"

#include "util/Logging.h"

namespace lz {

QString sourceStateName(SourceState s) {
    switch (s) {
    case SourceState::Starting:
        return QStringLiteral("starting");
    case SourceState::Running:
        return QStringLiteral("running");
    case SourceState::Absent:
        return QStringLiteral("absent");
    case SourceState::Finished:
        return QStringLiteral("finished");
    case SourceState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

FrameGrabber::FrameGrabber(std::unique_ptr<FrameSource> source, GrabberBackoff backoff, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_backoff(backoff)
    , m_description(m_source->description()) {
    qRegisterMetaType<lz::SourceState>("lz::SourceState");
}

FrameGrabber::~FrameGrabber() {
    stop();
}

void FrameGrabber::start() {
    if (m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("camera"));
    m_thread->start();
}

void FrameGrabber::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

bool FrameGrabber::takeNewest(Frame& frame, int timeoutMs) {
    std::unique_lock lock(m_mutex);
    if (!m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                       [this] { return m_hasFrame || m_stop || m_state == SourceState::Finished; }) ||
        !m_hasFrame)
        return false;
    frame = std::move(m_newest);
    m_hasFrame = false;
    ++m_stats.taken;
    return true;
}

SourceState FrameGrabber::state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

QString FrameGrabber::lastError() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

GrabberStats FrameGrabber::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void FrameGrabber::setState(SourceState s, const QString& error) {
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        changed = m_state != s || (s == SourceState::Absent && m_error != error);
        m_state = s;
        if (!error.isEmpty())
            m_error = error;
    }
    m_cv.notify_all();
    if (changed) {
        qCDebug(lcCamera, "%s: state %d%s%s", qPrintable(m_description), int(s), error.isEmpty() ? "" : ": ",
                qPrintable(error));
        emit stateChanged(s, error);
    }
}

bool FrameGrabber::sleepInterruptible(int ms) {
    std::unique_lock lock(m_mutex);
    return !m_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

void FrameGrabber::run() {
    int backoff = m_backoff.initialMs;
    bool everOpened = false;
    while (true) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        auto opened = m_source->open();
        if (!opened) {
            setState(SourceState::Absent, opened.error());
            if (!sleepInterruptible(backoff))
                break;
            backoff = std::min(backoff * 2, m_backoff.maxMs);
            continue;
        }
        if (everOpened) {
            std::lock_guard lock(m_mutex);
            ++m_stats.reopens;
        }
        everOpened = true;
        backoff = m_backoff.initialMs;
        setState(SourceState::Running);
        ReadStatus status = ReadStatus::Ok;
        while (status == ReadStatus::Ok) {
            Frame frame;
            status = m_source->read(frame);
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
            if (status == ReadStatus::Ok) {
                ++m_stats.read;
                if (m_hasFrame)
                    ++m_stats.dropped;
                m_newest = std::move(frame);
                m_hasFrame = true;
                m_cv.notify_all();
            }
        }
        m_source->close();
        if (status == ReadStatus::EndOfStream) {
            setState(SourceState::Finished);
            return;
        }
        if (status == ReadStatus::Failed) {
            setState(SourceState::Absent, m_source->error());
            if (!sleepInterruptible(backoff))
                break;
            backoff = std::min(backoff * 2, m_backoff.maxMs);
        }
    }
    setState(SourceState::Stopped);
}

} // namespace lz
