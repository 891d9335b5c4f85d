#include "kiosk/FaceFeed.h"

#include "facenet/FaceCheck.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <opencv2/imgproc.hpp>

namespace lz {

namespace {

cv::Mat toBgr(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                 size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace

FaceFeed::FaceFeed(QString modelsDir, int timeLimitS, std::shared_ptr<FrameMailbox> frames, QObject* parent)
    : QObject(parent)
    , m_modelsDir(std::move(modelsDir))
    , m_timeLimitS(timeLimitS)
    , m_frames(std::move(frames)) {}

FaceFeed::~FaceFeed() {
    stop();
}

void FaceFeed::start() {
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("face-check"));
    m_thread->start();
}

void FaceFeed::stop() {
    if (!m_thread)
        return;
    {
        QMutexLocker l(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
    m_frames->close();
}

void FaceFeed::check(quint64 decisionId, const QImage& documentPhoto) {
    QMutexLocker l(&m_mutex);
    m_job = Job{decisionId, documentPhoto.copy()};
    m_wake.wakeAll();
}

void FaceFeed::cancel() {
    QMutexLocker l(&m_mutex);
    m_job.reset();
    m_cancelled = ~quint64(0); // whatever runs now
    m_wake.wakeAll();
}

void FaceFeed::run() {
    const QString dir = m_modelsDir.isEmpty() ? face::builtInModelsDir() : m_modelsDir;
    auto models = face::FaceModels::load(dir);
    if (!models) {
        qCWarning(lcKiosk, "face check unavailable: %s", qPrintable(models.error().text()));
        emit loaded(false, models.error().text());
    } else {
        emit loaded(true, {});
    }
    m_loadReported = true; // after the emit: its queued deliveries are posted already
    std::optional<face::FaceAnalyzer> analyzer;
    if (models)
        analyzer.emplace(std::move(*models));
    for (;;) {
        Job job;
        {
            QMutexLocker l(&m_mutex);
            while (!m_stopping && !m_job)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                return;
            job = std::move(*m_job);
            m_job.reset();
            m_cancelled = 0;
        }
        if (!analyzer) {
            emit finished(ui::FaceResultView{job.decisionId, {}, face::FaceCheckProblem::Unavailable});
            continue;
        }
        // The camera's frames come here only while a check runs, however it ends.
        m_frames->open();
        try {
            runJob(*analyzer, job);
        } catch (const cv::Exception& e) { // a bug in the port must not take the kiosk down
            qCWarning(lcKiosk, "face check failed: %s", e.what());
            emit finished(ui::FaceResultView{job.decisionId, {}, face::FaceCheckProblem::Unavailable});
        }
        m_frames->close();
    }
}

void FaceFeed::runJob(face::FaceAnalyzer& analyzer, const Job& job) {
    using face::LivenessCheck;
    ui::FaceResultView result{job.decisionId, {}, {}};
    result.outcome.model = QString::fromLatin1(face::kFaceModelVersion);
    const auto document = face::FaceCheck::documentDescriptor(analyzer, toBgr(job.photo));
    if (!document) {
        result.problem = face::FaceCheckProblem::DocumentNoFace;
        emit finished(result);
        return;
    }
    face::LivenessSettings settings;
    settings.timeLimitMs = qint64(m_timeLimitS) * 1000;
    face::FaceCheck check(analyzer, *document, face::randomChallenge(), settings);
    ui::FaceProgressView view{job.decisionId, face::challengeName(check.challenge()), false, 0, false};
    emit progress(view);
    QElapsedTimer sinceFrame;
    sinceFrame.start();
    while (!check.result()) {
        {
            QMutexLocker l(&m_mutex);
            if (m_stopping || m_cancelled != 0 || m_job)
                return; // cancelled, or another guest's check replaces it: no outcome
        }
        Frame frame;
        if (!m_frames->take(frame, 200)) {
            if (sinceFrame.elapsed() > settings.timeLimitMs) {
                result.problem = face::FaceCheckProblem::CameraAbsent;
                emit finished(result);
                return;
            }
            continue;
        }
        sinceFrame.restart();
        const face::FaceCheckProgress p = check.feed(frame.image, frame.capturedNs / 1'000'000);
        view.moving = p.state != LivenessCheck::State::LookAtCamera;
        view.progress = p.progress;
        view.faceVisible = p.faceVisible;
        emit progress(view);
    }
    const face::FaceCheckResult& r = *check.result();
    result.outcome.liveness =
        r.livenessPassed ? QStringLiteral("passed") : face::livenessFailureName(*r.livenessFailure);
    if (r.livenessPassed) {
        result.outcome.verdict = r.verdict;
        result.outcome.distance = r.distance;
    }
    qCInfo(lcKiosk, "face check: %s", qPrintable(result.outcome.checkName())); // no score, no face
    emit finished(result);
}

} // namespace lz
