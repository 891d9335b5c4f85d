#pragma once
// A V4L2 camera through OpenCV's VideoCapture, by index ("0") or device path ("/dev/video0").
// Unplugging shows up as a failed read; the FrameGrabber reopens with backoff.
#include "camera/FrameSource.h"

#include <QList>
#include <opencv2/videoio.hpp>

namespace lz {

struct CameraInfo {
    QString path; // /dev/videoN
    QString name; // from the driver (sysfs), e.g. "USB 2.0 Camera"
};

struct CameraSettings {
    QString device = QStringLiteral("0"); // index or /dev/videoN
    int width = 1280, height = 720;
    double fps = 30;
    bool autofocus = true;
    int exposure = 0; // 0 = automatic; otherwise the driver's absolute exposure value
};

class CameraSource final : public FrameSource {
public:
    explicit CameraSource(CameraSettings settings)
        : m_settings(std::move(settings)) {}
    static QList<CameraInfo> list(); // video capture nodes present now

    QString description() const override { return QStringLiteral("camera %1").arg(m_settings.device); }
    Expected<void> open() override;
    ReadStatus read(Frame& frame) override;
    void close() override { m_capture.release(); }

private:
    CameraSettings m_settings;
    cv::VideoCapture m_capture;
};

} // namespace lz
