#pragma once
// The kiosk's face check (docs/face-match.md) on a thread of its own: loads the pinned models
// once, then for each guest who consents takes the desk camera's frames (a FrameMailbox the
// scanner posts to while a check runs), runs the live challenge and the match against the
// document's photo (devices/facenet/FaceCheck), and reports progress and the outcome as plain
// values. Frames and descriptors live in memory only while one check runs.
#include "camera/FrameMailbox.h"
#include "ui/KioskTypes.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <memory>
#include <optional>

namespace lz {

namespace face {
class FaceAnalyzer;
}

class FaceFeed : public QObject {
    Q_OBJECT
public:
    FaceFeed(QString modelsDir, int timeLimitS, std::shared_ptr<FrameMailbox> frames,
             QObject* parent = nullptr);
    ~FaceFeed() override;
    void start();
    void stop();
    // Thread-safe: starts a check for decision `decisionId` with the document's photo (a check
    // already running is cancelled first); cancel() ends it without an outcome.
    void check(quint64 decisionId, const QImage& documentPhoto);
    void cancel();
    // The models' load has been reported (loaded() emitted, so whoever it is connected to has it
    // queued): for tests and the self-test.
    bool loadReported() const { return m_loadReported; }

signals:
    void loaded(bool ok, const QString& problem); // the models (problem: a ModelError's name and detail)
    void progress(const lz::ui::FaceProgressView& p);
    void finished(const lz::ui::FaceResultView& r);

private:
    struct Job {
        quint64 decisionId = 0;
        QImage photo;
    };
    void run();
    void runJob(face::FaceAnalyzer& analyzer, const Job& job);

    QString m_modelsDir;
    int m_timeLimitS;
    std::shared_ptr<FrameMailbox> m_frames;
    std::unique_ptr<QThread> m_thread; // docs/architecture.md "Threads"
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::optional<Job> m_job; // under m_mutex
    quint64 m_cancelled = 0;  // under m_mutex: the decision whose check was cancelled
    bool m_stopping = false;  // under m_mutex
    std::atomic<bool> m_loadReported{false};
};

} // namespace lz
