#include "qr/QrImageDecoder.h"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace lz {

Expected<QrReading> QrImageDecoder::decode(const cv::Mat& image) const {
    if (image.empty())
        return unexpected(QStringLiteral("qr image: empty image"));
    cv::Mat gray;
    if (image.channels() == 1)
        gray = image;
    else
        cv::cvtColor(image, gray, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    if (gray.depth() != CV_8U)
        return unexpected(QStringLiteral("qr image: only 8-bit images are supported"));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step));
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return unexpected(QStringLiteral("qr image: no QR code found"));
    QrReading r;
    r.text = QString::fromStdString(result.text());
    r.ecLevel = QString::fromStdString(result.ecLevel());
    // The symbol's side in modules is 17 + 4 * version; ZXing reports the corner positions.
    return r;
}

Expected<QrReading> QrImageDecoder::decodeFile(const QString& path) const {
    const cv::Mat image = cv::imread(path.toStdString(), cv::IMREAD_GRAYSCALE);
    if (image.empty())
        return unexpected(QStringLiteral("qr image: cannot read image file %1").arg(path));
    return decode(image);
}

} // namespace lz
