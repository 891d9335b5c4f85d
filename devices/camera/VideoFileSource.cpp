#include "camera/VideoFileSource.h"

#include <QFileInfo>
#include <QThread>

namespace lz {

VideoFileSource::VideoFileSource(QString path, Options options)
    : m_path(std::move(path))
    , m_options(options) {}

Expected<void> VideoFileSource::open() {
    m_capture.release();
    if (!QFileInfo(m_path).isFile())
        return unexpected(m_error = QStringLiteral("video file %1 does not exist").arg(m_path));
    if (!m_capture.open(m_path.toStdString(), cv::CAP_ANY))
        return unexpected(m_error = QStringLiteral("video file %1 cannot be decoded").arg(m_path));
    m_fps = m_capture.get(cv::CAP_PROP_FPS);
    m_nextDueNs = steadyNowNs();
    m_error.clear();
    return {};
}

ReadStatus VideoFileSource::read(Frame& frame) {
    if (!m_capture.isOpened()) {
        m_error = QStringLiteral("video file %1 is not open").arg(m_path);
        return ReadStatus::Failed;
    }
    if (!m_capture.read(frame.image) || frame.image.empty()) {
        if (!m_options.loop)
            return ReadStatus::EndOfStream;
        m_capture.set(cv::CAP_PROP_POS_FRAMES, 0);
        if (!m_capture.read(frame.image) || frame.image.empty()) {
            m_error = QStringLiteral("video file %1 has no readable frame").arg(m_path);
            return ReadStatus::Failed;
        }
    }
    if (m_options.paced && m_fps > 0) {
        const qint64 wait = m_nextDueNs - steadyNowNs();
        if (wait > 0)
            QThread::usleep(quint64(wait / 1000));
        m_nextDueNs += qint64(1e9 / m_fps);
    }
    frame.sequence = m_sequence++;
    frame.capturedNs = steadyNowNs();
    return ReadStatus::Ok;
}

} // namespace lz
