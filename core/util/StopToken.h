#pragma once
// How a blocking device loop on its QThread is told to stop: a flag it checks between steps,
// and a wait that the request cuts short (a reader's restart back-off, say) instead of a sleep
// it would have to poll. request() may be called from any thread.
#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>
#include <atomic>

namespace lz {

class StopToken {
public:
    void request() {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    bool requested() const { return m_stop.load(); }
    void reset() { m_stop = false; }
    // Waits up to ms; false when a stop was requested (before or during the wait).
    bool waitFor(qint64 ms) {
        QMutexLocker lock(&m_mutex);
        if (!m_stop)
            m_wake.wait(&m_mutex, QDeadlineTimer(ms));
        return !m_stop;
    }

private:
    std::atomic_bool m_stop{false};
    QMutex m_mutex;
    QWaitCondition m_wake;
};

} // namespace lz
