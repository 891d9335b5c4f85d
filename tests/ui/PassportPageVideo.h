#pragma once
// A video file of a passport's photo page lying under the desk camera (drawn by
// PassportPageRenderer, written as MJPEG by OpenCV and read back like a camera): for the kiosk
// tests and the screenshot tour of the MRZ read by the camera.
#include "camera/PassportPageRenderer.h"

#include <QString>
#include <opencv2/videoio.hpp>

namespace lz::test {

// A TD3 specimen whose key is 533475514 / 881204 / 300928 (check digits computed, not read).
inline const QString kCameraPassportMrz = QStringLiteral("P<GBRSMITH<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                                         "5334755143GBR8812049F3009288<<<<<<<<<<<<<<<2");

inline bool writePassportPageVideo(const QString& path, const QString& mrz = kCameraPassportMrz) {
    auto font = mrz::OcrbFont::load();
    if (!font)
        return false;
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 15,
                           cv::Size(1280, 720));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < 30; ++i) { // two seconds, looped by the source: a hand settling the page
        PassportScene scene;
        scene.pitchPx = 11;
        scene.rotationDeg = -3 + 0.2 * i;
        scene.seed = unsigned(i + 1);
        writer.write(renderPassportFrame(**font, mrz, scene));
    }
    return true;
}

} // namespace lz::test
