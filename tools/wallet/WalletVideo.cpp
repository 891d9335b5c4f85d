#include "wallet/WalletVideo.h"

#include "qr/QrRender.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace lz::wallet {

Expected<int> writeRotatingVideo(const VideoSpec& spec, const std::function<QString(int)>& qrAt) {
    cv::VideoWriter writer(spec.path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), spec.fps,
                           cv::Size(spec.width, spec.height), true);
    if (!writer.isOpened())
        return unexpected(QStringLiteral("cannot open %1 for MJPEG video").arg(spec.path));
    const int frames = int(spec.seconds * spec.fps);
    int shownOffset = -1;
    cv::Mat frame;
    for (int i = 0; i < frames; ++i) {
        const int t = int(i / spec.fps);
        const int offset = (t / spec.rotateSeconds) * spec.rotateSeconds;
        if (offset != shownOffset) {
            // A phone-like screen: dark surround, white screen, the code centred on it.
            frame = cv::Mat(spec.height, spec.width, CV_8UC3, cv::Scalar(40, 40, 40));
            const QrSymbol qr = renderQr(qrAt(offset), spec.modulePixels);
            const int side = qr.image.cols;
            const int screenW = side + 80, screenH = std::min(spec.height - 20, side + 200);
            const cv::Rect screen((spec.width - screenW) / 2, (spec.height - screenH) / 2, screenW, screenH);
            cv::rectangle(frame, screen, cv::Scalar(250, 250, 250), cv::FILLED);
            cv::Mat qrColour;
            cv::cvtColor(qr.image, qrColour, cv::COLOR_GRAY2BGR);
            const cv::Rect at(screen.x + 40, screen.y + (screenH - side) / 2, side, side);
            if (at.y < 0 || at.br().x > spec.width || at.br().y > spec.height)
                return unexpected(QStringLiteral("QR code of %1 px does not fit a %2x%3 frame")
                                      .arg(side)
                                      .arg(spec.width)
                                      .arg(spec.height));
            qrColour.copyTo(frame(at));
            shownOffset = offset;
        }
        writer.write(frame);
    }
    return frames;
}

} // namespace lz::wallet
