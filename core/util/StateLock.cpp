#include "util/StateLock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace lz {

Expected<std::unique_ptr<StateLock>> StateLock::acquire(const QString& path, int waitMs) {
    QElapsedTimer waited;
    waited.start();
    bool inUse = false;
    for (;;) {
        auto lock = tryAcquire(path, inUse);
        if (lock || !inUse || waited.elapsed() >= waitMs)
            return lock;
        ::usleep(250 * 1000); // another process holds it for a moment (a CLI command): wait
    }
}

Expected<std::unique_ptr<StateLock>> StateLock::tryAcquire(const QString& path, bool& inUse) {
    inUse = false;
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
        inUse = true;
        const QString pid =
            holder.trimmed().isEmpty() ? QStringLiteral("unknown") : QString::fromLatin1(holder.trimmed());
        return unexpected(QStringLiteral("state_in_use: the state directory is in use by another terminal "
                                         "process (pid %1; lock %2)")
                              .arg(pid, path));
    }
    // During an upgrade an older terminal may still run: it held the directory with QLockFile
    // (pid, name and host on three lines) and no flock. A file in that form naming a live process
    // other than us is that terminal: refused as in use, until it has stopped.
    {
        QByteArray previous(256, '\0');
        const ssize_t n = ::pread(fd, previous.data(), previous.size(), 0);
        previous.truncate(n > 0 ? n : 0);
        const QList<QByteArray> lines = previous.split('\n');
        bool ok = false;
        const qint64 pid = lines.value(0).trimmed().toLongLong(&ok);
        if (ok && lines.size() >= 3 && !lines.value(1).isEmpty() && pid > 0 && pid != ::getpid() &&
            (::kill(pid_t(pid), 0) == 0 || errno == EPERM)) {
            ::close(fd);
            inUse = true;
            return unexpected(QStringLiteral("state_in_use: the state directory is held by an older terminal "
                                             "version (pid %1; lock %2)")
                                  .arg(pid)
                                  .arg(path));
        }
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
