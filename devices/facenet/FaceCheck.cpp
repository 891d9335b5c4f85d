#include "facenet/FaceCheck.h"

namespace lz::face {

std::optional<Descriptor> FaceCheck::documentDescriptor(FaceAnalyzer& analyzer, const cv::Mat& photo) {
    if (photo.empty())
        return std::nullopt;
    const auto face = analyzer.read(photo);
    if (!face)
        return std::nullopt;
    return analyzer.describeUpright(*face);
}

FaceCheck::FaceCheck(FaceAnalyzer& analyzer, const Descriptor& document, Challenge challenge,
                     LivenessSettings settings)
    : m_analyzer(analyzer)
    , m_document(document)
    , m_liveness(challenge, settings) {}

FaceCheckProgress FaceCheck::feed(const cv::Mat& bgr, qint64 atMs) {
    FaceCheckProgress p;
    if (m_result) {
        p.state = m_liveness.state();
        p.progress = m_liveness.progress();
        return p;
    }
    std::optional<FaceReading> face = m_analyzer.read(bgr);
    p.faceVisible = face.has_value();
    p.facesVisible = face ? face->facesFound : 0;
    p.state = m_liveness.observe(
        FaceFrame{atMs, face ? std::optional<Landmarks>(face->landmarksInInput()) : std::nullopt});
    p.progress = m_liveness.progress();
    if (face && m_liveness.bestFrontalAtMs() == atMs) {
        face->picture = face->picture.clone(); // the camera reuses its buffer
        m_best = std::move(face);
    }
    if (p.state == LivenessCheck::State::Failed) {
        m_result = FaceCheckResult{false, m_liveness.failure(), std::nullopt, FaceVerdict::Undecided};
        m_best.reset();
    } else if (p.state == LivenessCheck::State::Passed) {
        FaceCheckResult r;
        r.livenessPassed = true;
        if (m_best) {
            r.distance = descriptorDistance(m_document, m_analyzer.describeUpright(*m_best));
            r.verdict = faceVerdictOf(r.distance);
        }
        m_best.reset(); // the live face is forgotten as soon as it is measured
        m_result = r;
    }
    return p;
}

} // namespace lz::face
