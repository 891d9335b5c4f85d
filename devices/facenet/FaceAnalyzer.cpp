#include "facenet/FaceAnalyzer.h"

#include <algorithm>

namespace lz::face {

std::vector<FaceReading> FaceAnalyzer::readAll(const cv::Mat& bgr) {
    std::vector<Detection> found = m_models.detector->detect(bgr);
    std::stable_sort(found.begin(), found.end(), [](const Detection& a, const Detection& b) {
        return a.box.width * a.box.height > b.box.width * b.box.height;
    });
    std::vector<FaceReading> faces;
    for (const Detection& d : found) {
        FaceReading r;
        r.detection = d;
        r.facesFound = int(found.size());
        r.landmarks = m_models.landmarks->landmarks(bgr, d, &r.landmarkCrop);
        if (!r.landmarkCrop.empty())
            faces.push_back(r);
    }
    return faces;
}

std::optional<FaceReading> FaceAnalyzer::read(const cv::Mat& bgr) {
    std::vector<Detection> found = m_models.detector->detect(bgr);
    if (found.empty())
        return std::nullopt;
    const auto largest = std::max_element(found.begin(), found.end(), [](const Detection& a, const Detection& b) {
        return a.box.width * a.box.height < b.box.width * b.box.height;
    });
    FaceReading r;
    r.detection = *largest;
    r.facesFound = int(found.size());
    r.landmarks = m_models.landmarks->landmarks(bgr, r.detection, &r.landmarkCrop);
    if (r.landmarkCrop.empty())
        return std::nullopt;
    return r;
}

Descriptor FaceAnalyzer::describe(const cv::Mat& bgr, const FaceReading& face) {
    return m_models.descriptor->describe(bgr, face.landmarks, face.landmarkCrop);
}

} // namespace lz::face
