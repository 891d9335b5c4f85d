#pragma once
// Runs a FrameSource on its own thread and keeps only the newest frame: a slow consumer never
// builds a queue, it skips frames (counted as dropped). When the source fails (camera
// unplugged) the grabber reports it absent with the named error, reopens with exponential
// backoff, and resumes by itself.
#include "camera/FrameSource.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace lz {

enum class SourceState { Starting, Running, Absent, Finished, Stopped };
QString sourceStateName(SourceState s);

struct GrabberStats {
    qint64 read = 0;    // frames delivered by the source
    qint64 taken = 0;   // frames handed to the consumer
    qint64 dropped = 0; // frames overwritten before anyone took them
    qint64 reopens = 0; // successful reopenings after a failure
};

struct GrabberBackoff {
    int initialMs = 250; // first retry after a failure
    int maxMs = 5000;    // doubling up to this
};

class FrameGrabber : public QObject {
    Q_OBJECT
public:
    explicit FrameGrabber(std::unique_ptr<FrameSource> source, GrabberBackoff backoff = {},
                          QObject* parent = nullptr);
    ~FrameGrabber() override;

    void start();
    void stop(); // joins the thread

    // The newest frame not yet taken; waits up to timeoutMs for one. False on timeout or stop.
    bool takeNewest(Frame& frame, int timeoutMs);
    SourceState state() const;
    QString lastError() const;
    GrabberStats stats() const;
    QString description() const { return m_description; }

signals:
    // Queued to the receiver's thread; `error` names the cause when the state is Absent.
    void stateChanged(lz::SourceState state, const QString& error);

private:
    void run();
    void setState(SourceState s, const QString& error = {});
    bool sleepInterruptible(int ms);

    std::unique_ptr<FrameSource> m_source;
    GrabberBackoff m_backoff;
    QString m_description;
    std::unique_ptr<QThread> m_thread; // the capture loop (docs/architecture.md "Threads")
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_hasFrame = false;
    Frame m_newest;
    SourceState m_state = SourceState::Starting;
    QString m_error;
    GrabberStats m_stats;
};

} // namespace lz
