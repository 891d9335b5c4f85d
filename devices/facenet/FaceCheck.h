#pragma once
// One guest's face check, frame by frame: the live challenge (core/face/Liveness) on the largest
// face's landmarks, then the match of the most frontal open-eyed frame against the document's
// photo. The frame kept for the match lives in memory only, until the check ends; nothing of the
// face is written anywhere (docs/privacy.md). One thread (the camera's consumer) drives it.
#include "face/FaceVerdict.h"
#include "face/Liveness.h"
#include "facenet/FaceAnalyzer.h"

namespace lz::face {

struct FaceCheckProgress {
    LivenessCheck::State state = LivenessCheck::State::LookAtCamera;
    double progress = 0;
    bool faceVisible = false;
    int facesVisible = 0;
};

struct FaceCheckResult {
    bool livenessPassed = false;
    std::optional<LivenessFailure> livenessFailure;
    std::optional<double> distance; // only when the live check passed
    FaceVerdict verdict = FaceVerdict::Undecided;
};

class FaceCheck {
public:
    // nullopt: no face in the document's photo (the screen says so; no match is offered).
    static std::optional<Descriptor> documentDescriptor(FaceAnalyzer& analyzer, const cv::Mat& photo);

    FaceCheck(FaceAnalyzer& analyzer, const Descriptor& document, Challenge challenge,
              LivenessSettings settings = {});

    FaceCheckProgress feed(const cv::Mat& bgr, qint64 atMs);
    // Set once the live check has passed (and the match is made) or failed.
    const std::optional<FaceCheckResult>& result() const { return m_result; }
    Challenge challenge() const { return m_liveness.challenge(); }

private:
    FaceAnalyzer& m_analyzer;
    Descriptor m_document;
    LivenessCheck m_liveness;
    std::optional<FaceReading> m_best; // the best frontal frame so far (its picture held)
    std::optional<FaceCheckResult> m_result;
};

} // namespace lz::face
