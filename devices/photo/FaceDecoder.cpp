#include "photo/FaceDecoder.h"

#include <opencv2/imgcodecs.hpp>

namespace lz::photo {

DecodedFace decodeFace(const icao::FaceImage& face) {
    DecodedFace out;
    if (face.format == icao::FaceImage::Format::Unknown) {
        out.problem = QStringLiteral("photo_format_unsupported");
        return out;
    }
    // A portrait is at most a few hundred pixels a side; refuse images a hostile chip could make
    // expensive (OpenCV's own limit is 2^30 pixels).
    if (face.width > 4000 || face.height > 4000) {
        out.problem = QStringLiteral("photo_undecodable");
        return out;
    }
    const cv::Mat bytes(1, int(face.data.size()), CV_8U, const_cast<char*>(face.data.constData()));
    cv::Mat bgr;
    try {
        bgr = cv::imdecode(bytes, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        bgr.release();
    }
    if (bgr.empty() || bgr.cols > 4000 || bgr.rows > 4000) {
        out.problem = QStringLiteral("photo_undecodable");
        return out;
    }
    out.image = QImage(bgr.data, bgr.cols, bgr.rows, int(bgr.step), QImage::Format_BGR888).copy();
    return out;
}

} // namespace lz::photo
