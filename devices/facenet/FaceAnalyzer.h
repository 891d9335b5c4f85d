#pragma once
// One picture → the face in it: detection, the 68 landmarks, and (when asked) the descriptor.
// The largest face is the guest's (a desk camera may also see someone queueing behind).
#include "facenet/FaceModels.h"

#include <optional>

namespace lz::face {

struct FaceReading {
    Detection detection;
    Landmarks landmarks{};
    IntBox landmarkCrop;
    int facesFound = 0;
};

class FaceAnalyzer {
public:
    explicit FaceAnalyzer(FaceModels models)
        : m_models(std::move(models)) {}

    // The largest face, its landmarks; nullopt when there is none.
    std::optional<FaceReading> read(const cv::Mat& bgr);
    // Every face (largest first), landmarks included: for the fixtures and the accuracy bench.
    std::vector<FaceReading> readAll(const cv::Mat& bgr);
    Descriptor describe(const cv::Mat& bgr, const FaceReading& face);

private:
    FaceModels m_models;
};

} // namespace lz::face
