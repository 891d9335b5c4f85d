#pragma once
// Renders QR text as an image the way a wallet shows it: ZXing-C++'s encoder at error
// correction level M (alphanumeric mode is chosen by the encoder for our text).
#include <QString>
#include <opencv2/core/mat.hpp>

namespace lz {

struct QrSymbol {
    cv::Mat image;   // 8-bit gray, black modules on white, with the quiet zone
    int version = 0; // 1..40, from the symbol's size in modules
    int modules = 0; // side length in modules, without the quiet zone
};

// modulePixels: pixels per module; quietZone: modules of white border (the standard asks 4).
QrSymbol renderQr(const QString& text, int modulePixels = 4, int quietZone = 4);

} // namespace lz
