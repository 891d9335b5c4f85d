#include "facenet/FaceAnalyzer.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace lz::face {

namespace {

// The networks read 8-bit BGR; a camera may deliver grey (a night mode) or BGRA.
cv::Mat asBgr(const cv::Mat& image) {
    if (image.empty() || image.depth() != CV_8U)
        return {};
    if (image.channels() == 3)
        return image;
    cv::Mat out;
    if (image.channels() == 1)
        cv::cvtColor(image, out, cv::COLOR_GRAY2BGR);
    else if (image.channels() == 4)
        cv::cvtColor(image, out, cv::COLOR_BGRA2BGR);
    return out;
}

} // namespace

Landmarks FaceReading::landmarksInInput() const {
    Landmarks out = landmarks;
    for (PointD& p : out) {
        p.x -= offset.x;
        p.y -= offset.y;
    }
    return out;
}

std::vector<FaceReading> FaceAnalyzer::readAll(const cv::Mat& image) {
    const cv::Mat bgr = asBgr(image);
    if (bgr.empty() || bgr.cols < 8 || bgr.rows < 8)
        return {};
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
        r.picture = bgr;
        if (!r.landmarkCrop.empty())
            faces.push_back(r);
    }
    return faces;
}

std::optional<FaceReading> FaceAnalyzer::read(const cv::Mat& image) {
    const cv::Mat bgr = asBgr(image);
    if (bgr.empty() || bgr.cols < 8 || bgr.rows < 8)
        return std::nullopt;
    if (auto r = readLargest(bgr))
        return r;
    const cv::Point offset(bgr.cols / 2, bgr.rows / 2);
    cv::Mat canvas(bgr.rows * 2, bgr.cols * 2, CV_8UC3, cv::Scalar(128, 128, 128));
    bgr.copyTo(canvas(cv::Rect(offset, bgr.size())));
    auto r = readLargest(canvas);
    if (r)
        r->offset = offset;
    return r;
}

std::optional<FaceReading> FaceAnalyzer::readLargest(const cv::Mat& bgr) {
    // A small picture gains nothing from being enlarged to 416 pixels: 224 costs a third.
    TinyFaceDetector& detector =
        std::max(bgr.cols, bgr.rows) <= 480 ? *m_models.smallDetector : *m_models.detector;
    std::vector<Detection> found = detector.detect(bgr);
    if (found.empty())
        return std::nullopt;
    const auto largest =
        std::max_element(found.begin(), found.end(), [](const Detection& a, const Detection& b) {
            return a.box.width * a.box.height < b.box.width * b.box.height;
        });
    FaceReading r;
    r.detection = *largest;
    r.facesFound = int(found.size());
    r.landmarks = m_models.landmarks->landmarks(bgr, r.detection, &r.landmarkCrop);
    r.picture = bgr;
    if (r.landmarkCrop.empty())
        return std::nullopt;
    return r;
}

Descriptor FaceAnalyzer::describe(const FaceReading& face) {
    return m_models.descriptor->describe(face.picture, face.landmarks, face.landmarkCrop);
}

} // namespace lz::face

namespace lz::face {

Descriptor FaceAnalyzer::describeUpright(const FaceReading& face) {
    const PointD left = centreOf(face.landmarks, 36, 41), right = centreOf(face.landmarks, 42, 47);
    const double roll = std::atan2(right.y - left.y, right.x - left.x) * 180.0 / CV_PI;
    if (std::abs(roll) < 3.0)
        return describe(face);
    // A square around the face, turned so the eyes are level; border pixels repeated (not black,
    // which the detector could take for an edge of the picture).
    const BoxD& b = face.detection.box;
    const double side = 2.2 * std::max(b.width, b.height);
    const cv::Point2f centre(float(b.x + b.width / 2), float(b.y + b.height / 2));
    cv::Mat m = cv::getRotationMatrix2D(centre, roll, 1.0);
    m.at<double>(0, 2) += side / 2 - centre.x;
    m.at<double>(1, 2) += side / 2 - centre.y;
    cv::Mat upright;
    cv::warpAffine(face.picture, upright, m, cv::Size(int(side), int(side)), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    const auto again = read(upright);
    return again ? describe(*again) : describe(face);
}

} // namespace lz::face
