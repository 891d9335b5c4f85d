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
    // The picture the coordinates above refer to: the input itself, or the input on a larger
    // grey canvas (at `offset`) when the face filled it too much for the detector.
    cv::Mat picture;
    cv::Point offset;

    // The landmarks in the coordinates of the picture given to read().
    Landmarks landmarksInInput() const;
};

class FaceAnalyzer {
public:
    explicit FaceAnalyzer(FaceModels models)
        : m_models(std::move(models)) {}

    // The largest face, its landmarks; nullopt when there is none. The tiny detector misses
    // faces that fill most of the picture (a document photo, a guest leaning in: face-api's own
    // pipeline finds none in a 240×296 passport-style portrait), so when it finds nothing the
    // picture is tried again in the middle of a grey canvas twice its size — not scaled, so the
    // landmarks keep their size.
    std::optional<FaceReading> read(const cv::Mat& image); // 8-bit BGR, grey or BGRA
    // Every face of the picture as face-api finds them, landmarks included (the parity fixtures).
    std::vector<FaceReading> readAll(const cv::Mat& image);
    // face-api's descriptor: its crop is axis-aligned, as the parity fixtures require.
    Descriptor describe(const FaceReading& face);
    // The product's descriptor: the face first turned upright (eyes level) around its centre,
    // then read again and described. dlib's own pipeline levels the eyes too; face-api's does
    // not, and a head tilted 15° costs it ~0.1 of distance (bench/face_bench.cpp measures it).
    Descriptor describeUpright(const FaceReading& face);

private:
    std::optional<FaceReading> readLargest(const cv::Mat& bgr);
    FaceModels m_models;
};

} // namespace lz::face
