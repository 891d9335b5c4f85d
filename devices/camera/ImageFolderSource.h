#pragma once
// Frames from the image files of a folder (PNG, JPEG, BMP), in name order, read through
// OpenCV: the file-backed twin used by tests and benchmarks.
#include "camera/FrameSource.h"

#include <QStringList>

namespace lz {

class ImageFolderSource final : public FrameSource {
public:
    explicit ImageFolderSource(QString folder, double fps = 0);

    QString description() const override { return QStringLiteral("image folder %1").arg(m_folder); }
    Expected<void> open() override;
    ReadStatus read(Frame& frame) override;
    void close() override { m_files.clear(); }

private:
    QString m_folder;
    QStringList m_files;
    qsizetype m_next = 0;
};

} // namespace lz
