#pragma once
// QR decoding of still images with ZXing-C++: the file-backed input of `liangzheng-cli verify
// --image` and of tests. The camera pipeline builds on the same decoder.
#include "util/Expected.h"

#include <QString>
#include <opencv2/core/mat.hpp>

namespace lz {

struct QrReading {
    QString text;
    QString ecLevel; // "L", "M", "Q", "H"
    int version = 0; // QR symbol version 1..40
};

class QrImageDecoder {
public:
    // gray: 8-bit single channel (colour images are converted). Looks for QR codes only.
    Expected<QrReading> decode(const cv::Mat& image) const;
    // Reads an image file through OpenCV (PNG, JPEG, ...) and decodes it.
    Expected<QrReading> decodeFile(const QString& path) const;
};

} // namespace lz
