#include "qr/QrRender.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgproc.hpp>

namespace lz {

QrSymbol renderQr(const QString& text, int modulePixels, int quietZone) {
    // ZXing-C++ 1.4 maps eccLevel 0..8 onto L/M/Q/H as level / 2 rounded down; 3 gives M
    // (checked by tests/tools/tst_qrrender, which decodes the symbol and reads its level).
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEccLevel(3).setMargin(0);
    const ZXing::BitMatrix bits = writer.encode(text.toStdString(), 0, 0); // 1 pixel per module
    QrSymbol s;
    s.modules = bits.width();
    s.version = (s.modules - 17) / 4;
    const int side = (s.modules + 2 * quietZone) * modulePixels;
    s.image = cv::Mat(side, side, CV_8UC1, cv::Scalar(255));
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x)
            if (bits.get(x, y))
                cv::rectangle(s.image,
                              cv::Rect((x + quietZone) * modulePixels, (y + quietZone) * modulePixels,
                                       modulePixels, modulePixels),
                              cv::Scalar(0), cv::FILLED);
    return s;
}

} // namespace lz
