#pragma once
// Frames from a video file through OpenCV's VideoCapture (MJPEG AVI, and whatever its FFmpeg
// backend reads). Optionally paced to the file's frame rate, as a live camera would be, and
// optionally looping (the demo).
#include "camera/FrameSource.h"

#include <opencv2/videoio.hpp>

namespace lz {

class VideoFileSource final : public FrameSource {
public:
    struct Options {
        bool paced = false; // deliver at the file's frame rate instead of as fast as decoded
        bool loop = false;  // start again at the end instead of EndOfStream
    };
    VideoFileSource(QString path, Options options);
    explicit VideoFileSource(QString path)
        : VideoFileSource(std::move(path), Options{}) {}

    QString description() const override { return QStringLiteral("video file %1").arg(m_path); }
    Expected<void> open() override;
    ReadStatus read(Frame& frame) override;
    void close() override { m_capture.release(); }

private:
    QString m_path;
    Options m_options;
    cv::VideoCapture m_capture;
    qint64 m_nextDueNs = 0;
};

} // namespace lz
