#pragma once
// Writes an MJPEG AVI in which the wallet's QR code rotates every `rotateSeconds`, as a phone
// showing its e-ID does: the input of the camera pipeline's tests and of demos.
#include "util/Expected.h"

#include <QString>
#include <functional>

namespace lz::wallet {

struct VideoSpec {
    QString path;
    int seconds = 180;
    int rotateSeconds = 60;
    double fps = 10;
    int width = 1280, height = 720;
    int modulePixels = 5;
};

// qrAt(t) returns the QR text to show from time offset t (seconds, multiple of rotateSeconds).
Expected<int> writeRotatingVideo(const VideoSpec& spec, const std::function<QString(int offset)>& qrAt);

} // namespace lz::wallet
