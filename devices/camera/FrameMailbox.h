#pragma once
// A second consumer's view of the camera: the scanner's thread posts each frame it takes while
// the mailbox is open (the face check runs), and the face check's thread takes the newest one.
// Closed, posting costs one atomic load; nothing queues: a slow taker skips frames.
#include "camera/Frame.h"

#include <QMutex>
#include <QWaitCondition>
#include <atomic>

namespace lz {

class FrameMailbox {
public:
    void open() {
        QMutexLocker l(&m_mutex);
        m_frame = Frame{}; // nothing from before the opening (a post racing the last close)
        m_fresh = false;
        m_open = true;
    }
    void close() {
        m_open = false;
        QMutexLocker l(&m_mutex);
        m_frame = Frame{};
        m_fresh = false;
    }
    bool isOpen() const { return m_open; }

    void post(const Frame& f) {
        if (!m_open)
            return;
        Frame copy{f.image.clone(), f.sequence, f.capturedNs}; // the grabber reuses its buffer
        QMutexLocker l(&m_mutex);
        if (!m_open)
            return; // closed while the frame was copied
        m_frame = std::move(copy);
        m_fresh = true;
        m_posted.wakeAll();
    }
    // The newest frame not yet taken; false after timeoutMs without one.
    bool take(Frame& out, int timeoutMs) {
        QMutexLocker l(&m_mutex);
        if (!m_fresh && !m_posted.wait(&m_mutex, QDeadlineTimer(timeoutMs)))
            return false;
        if (!m_fresh)
            return false;
        out = std::move(m_frame);
        m_fresh = false;
        return true;
    }

private:
    std::atomic<bool> m_open{false};
    QMutex m_mutex;
    QWaitCondition m_posted;
    Frame m_frame;
    bool m_fresh = false;
};

} // namespace lz
