#include "util/StateLock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace lz {

Expected<std::unique_ptr<StateLock>> StateLock::acquire(const QString& path) {
    // O_CLOEXEC: a helper process started by the terminal must not inherit (and keep) the lock.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return unexpected(QStringLiteral("state_lock_unavailable: %1: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        QByteArray holder(32, '\0');
        const ssize_t n = ::pread(fd, holder.data(), holder.size(), 0);
        ::close(fd);
        if (err != EWOULDBLOCK)
            return unexpected(QStringLiteral("state_lock_unavailable: %1: %2")
                                  .arg(path, QString::fromLocal8Bit(std::strerror(err))));
        holder.truncate(n > 0 ? n : 0);
        const QString pid =
            holder.trimmed().isEmpty() ? QStringLiteral("unknown") : QString::fromLatin1(holder.trimmed());
        return unexpected(QStringLiteral("state_in_use: the state directory is in use by another terminal "
                                         "process (pid %1; lock %2)")
                              .arg(pid, path));
    }
    // Ours now: say who holds it (best effort; the lock does not depend on it).
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, pid.constData(), size_t(pid.size()), 0);
    return std::unique_ptr<StateLock>(new StateLock(fd));
}

StateLock::~StateLock() {
    ::close(m_fd);
}

} // namespace lz
