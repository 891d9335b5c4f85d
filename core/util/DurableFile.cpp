#include "util/DurableFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lz {

QString FileFailure::text() const {
    return (code == FileError::DiskFull ? QStringLiteral("disk_full: ") : QStringLiteral("io_error: ")) +
           detail;
}

namespace {

Unexpected<FileFailure> failure(const QString& path, const char* step, int err) {
    const bool full = err == ENOSPC || err == EDQUOT;
    return unexpected(
        FileFailure{full ? FileError::DiskFull : FileError::Io,
                    QStringLiteral("%1: %2: %3")
                        .arg(path, QLatin1String(step), QString::fromLocal8Bit(std::strerror(err)))});
}

// write(2) until everything is written: a short write is retried, an error returned.
int writeAll(int fd, const char* data, qsizetype size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        data += n;
        size -= n;
    }
    return 0;
}

int syncDirectory(const QString& dir) {
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    // Some filesystems cannot fsync a directory (EINVAL); their renames are as durable as they get.
    return rc == EINVAL ? 0 : rc;
}

} // namespace

FileResult writeFileDurably(const QString& path, const QByteArray& bytes, int permissions) {
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    mode_t mode = permissions == kKeepMode ? 0600 : mode_t(permissions);
    struct stat existing {};
    if (permissions == kKeepMode && ::stat(QFile::encodeName(path).constData(), &existing) == 0)
        mode = existing.st_mode & 07777;

    // Temporaries of this file left by a crash mid-write (the clock mark and the journal are
    // rewritten often, so they would pile up). Only old ones: a younger one may be another
    // process's write in progress.
    const QString prefix = QLatin1Char('.') + info.fileName() + QStringLiteral(".new-");
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-600);
    for (const QFileInfo& stale :
         QDir(dir).entryInfoList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden))
        if (stale.lastModified().toUTC() < staleBefore)
            QFile::remove(stale.filePath());
    QByteArray tmpName = QFile::encodeName(dir + QLatin1Char('/') + prefix + QStringLiteral("XXXXXX"));
    const int fd = ::mkostemp(tmpName.data(), O_CLOEXEC);
    if (fd < 0)
        return failure(path, "create", errno);
    const QString tmp = QFile::decodeName(tmpName);
    auto abandon = [&](const char* step, int err) {
        ::close(fd);
        ::unlink(tmpName.constData());
        return failure(path, step, err);
    };
    // The mode first, before any byte of a key reaches the disk.
    if (::fchmod(fd, mode) != 0)
        return abandon("chmod", errno);
    if (const int err = writeAll(fd, bytes.constData(), bytes.size()))
        return abandon("write", err);
    if (::fsync(fd) != 0)
        return abandon("fsync", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        return failure(path, "close", err);
    }
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        return failure(path, "rename", err);
    }
    if (const int err = syncDirectory(dir))
        return failure(path, "fsync directory", err);
    return {};
}

FileResult appendAll(int fd, const QByteArray& bytes, const QString& pathForErrors) {
    if (const int err = writeAll(fd, bytes.constData(), bytes.size()))
        return failure(pathForErrors, "append", err);
    return {};
}

FileResult editSettingsDurably(const QString& iniPath, const std::function<void(QSettings&)>& edit) {
    // The settings live in the state directory (0700), which the first setting may have to make:
    // a staff PIN is set before the terminal has ever run.
    if (const QFileInfo dir(QFileInfo(iniPath).absolutePath()); !dir.exists()) {
        if (!QDir().mkpath(dir.filePath()) ||
            !QFile::setPermissions(dir.filePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return unexpected(FileFailure{
                FileError::Io, QStringLiteral("%1: cannot create the directory").arg(dir.filePath())});
    }
    QByteArray original;
    if (QFile in(iniPath); in.exists()) {
        if (!in.open(QIODevice::ReadOnly))
            return unexpected(
                FileFailure{FileError::Io, QStringLiteral("%1: read: %2").arg(iniPath, in.errorString())});
        original = in.readAll();
    }
    // One scratch file per process: the kiosk and `staff set-pin` may edit at the same moment.
    const QString scratch = iniPath + QStringLiteral(".edit-%1").arg(qint64(::getpid()));
    if (auto copied = writeFileDurably(scratch, original, kKeepMode); !copied)
        return copied;
    QHash<QString, QVariant> expected;
    {
        QSettings s(scratch, QSettings::IniFormat);
        edit(s);
        s.sync();
        if (s.status() != QSettings::NoError) {
            QFile::remove(scratch);
            return unexpected(
                FileFailure{FileError::Io, QStringLiteral("%1: settings not written").arg(iniPath)});
        }
        for (const QString& key : s.allKeys())
            expected.insert(key, s.value(key));
    }
    // Read the scratch file back as a stranger would: a write that failed silently shows here.
    QSettings check(scratch, QSettings::IniFormat);
    bool complete = check.status() == QSettings::NoError && check.allKeys().size() == expected.size();
    for (auto it = expected.cbegin(); complete && it != expected.cend(); ++it)
        complete = check.value(it.key()).toString() == it.value().toString();
    QFile in(scratch);
    const QByteArray bytes = complete && in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    QFile::remove(scratch);
    if (!complete || (bytes.isEmpty() && !expected.isEmpty()))
        return unexpected(FileFailure{FileError::DiskFull,
                                      QStringLiteral("%1: the settings could not be written completely "
                                                     "(the file is unchanged)")
                                          .arg(iniPath)});
    return writeFileDurably(iniPath, bytes, kKeepMode);
}

} // namespace lz
