#include "camera/ImageFolderSource.h"

#include <QDir>
#include <opencv2/imgcodecs.hpp>

namespace lz {

ImageFolderSource::ImageFolderSource(QString folder, double fps)
    : m_folder(std::move(folder)) {
    m_fps = fps;
}

Expected<void> ImageFolderSource::open() {
    const QDir dir(m_folder);
    if (!dir.exists())
        return unexpected(m_error = QStringLiteral("image folder %1 does not exist").arg(m_folder));
    m_files.clear();
    for (const QString& name : dir.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg"),
                                              QStringLiteral("*.jpeg"), QStringLiteral("*.bmp")},
                                             QDir::Files, QDir::Name))
        m_files.append(dir.filePath(name));
    if (m_files.isEmpty())
        return unexpected(m_error = QStringLiteral("image folder %1 holds no images").arg(m_folder));
    m_next = 0;
    m_error.clear();
    return {};
}

ReadStatus ImageFolderSource::read(Frame& frame) {
    if (m_next >= m_files.size())
        return ReadStatus::EndOfStream;
    const QString path = m_files.at(m_next);
    frame.image = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    if (frame.image.empty()) {
        m_error = QStringLiteral("image %1 cannot be read").arg(path);
        ++m_next; // skip it next time
        return ReadStatus::Failed;
    }
    frame.sequence = m_next++;
    frame.capturedNs = steadyNowNs();
    return ReadStatus::Ok;
}

} // namespace lz
