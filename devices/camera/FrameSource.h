#pragma once
// Where frames come from: a camera, a video file, a folder of images, or the synthetic phone.
// Listing devices (CameraSource::list) is separate from opening one. A source is used from
// one thread at a time (the FrameGrabber's).
#include "camera/Frame.h"
#include "util/Expected.h"

#include <QString>

namespace lz {

enum class ReadStatus {
    Ok,          // `frame` holds a new frame
    EndOfStream, // a finite source (file, folder) has no more frames
    Failed,      // the device stopped delivering (unplugged, driver error); reopen to recover
};

class FrameSource {
public:
    virtual ~FrameSource() = default;
    // Human-readable identity for diagnostics: "camera /dev/video0", "video file demo.avi".
    virtual QString description() const = 0;
    // Opens (or reopens after a failure). A named error when the device is absent or unusable.
    virtual Expected<void> open() = 0;
    // Blocks for at most about one frame period. On Failed, error() names what happened.
    virtual ReadStatus read(Frame& frame) = 0;
    virtual void close() = 0;
    // Why the last open() or read() failed; empty after a success.
    QString error() const { return m_error; }
    // Frames per second the source delivers (0 if unknown).
    double fps() const { return m_fps; }

protected:
    // Every source keeps the same three facts: the sources set them, the grabber reads them.
    QString m_error;
    double m_fps = 0;
    qint64 m_sequence = 0; // the number the next frame gets
};

} // namespace lz
