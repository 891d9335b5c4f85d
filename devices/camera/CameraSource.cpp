#include "camera/CameraSource.h"

#include <QDir>
#include <QFile>

namespace lz {

QList<CameraInfo> CameraSource::list() {
    QList<CameraInfo> out;
    const QDir sys(QStringLiteral("/sys/class/video4linux"));
    for (const QString& node :
         sys.entryList({QStringLiteral("video*")}, QDir::Dirs | QDir::System, QDir::Name)) {
        QFile name(sys.filePath(node + QStringLiteral("/name")));
        const QString label =
            name.open(QIODevice::ReadOnly) ? QString::fromUtf8(name.readAll().trimmed()) : QString();
        out.append({QStringLiteral("/dev/") + node, label});
    }
    return out;
}

Expected<void> CameraSource::open() {
    m_capture.release();
    bool isIndex = false;
    const int index = m_settings.device.toInt(&isIndex);
    if (!isIndex && !QFile::exists(m_settings.device))
        return unexpected(m_error = QStringLiteral("camera %1 is not present").arg(m_settings.device));
    const bool opened = isIndex ? m_capture.open(index, cv::CAP_V4L2)
                                : m_capture.open(m_settings.device.toStdString(), cv::CAP_V4L2);
    if (!opened)
        return unexpected(
            m_error = QStringLiteral("camera %1 cannot be opened (absent or in use)").arg(m_settings.device));
    // MJPEG keeps 1280x720 at 30 fps within USB 2.0 bandwidth on common desk cameras.
    m_capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
    m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_settings.width);
    m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_settings.height);
    m_capture.set(cv::CAP_PROP_FPS, m_settings.fps);
    m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1); // always the newest frame, not a queue
    m_capture.set(cv::CAP_PROP_AUTOFOCUS, m_settings.autofocus ? 1 : 0);
    if (m_settings.exposure > 0) {
        m_capture.set(cv::CAP_PROP_AUTO_EXPOSURE, 1); // V4L2: 1 = manual
        m_capture.set(cv::CAP_PROP_EXPOSURE, m_settings.exposure);
    }
    m_fps = m_capture.get(cv::CAP_PROP_FPS);
    m_error.clear();
    return {};
}

ReadStatus CameraSource::read(Frame& frame) {
    if (!m_capture.isOpened() || !m_capture.read(frame.image) || frame.image.empty()) {
        m_error = QStringLiteral("camera %1 stopped delivering frames (unplugged?)").arg(m_settings.device);
        return ReadStatus::Failed;
    }
    frame.sequence = m_sequence++;
    frame.capturedNs = steadyNowNs();
    return ReadStatus::Ok;
}

} // namespace lz
