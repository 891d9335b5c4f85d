#pragma once
// One process at a time owns a terminal's state directory (replay journal, clock mark, log head):
// an exclusive flock(2) on a lock file in it. The kernel drops the lock when the process dies,
// however it dies, so a kiosk restarted by its supervisor after kill -9 gets it back at once —
// unlike QLockFile, whose lock is the file's existence and whose stale detection needs the
// holder's pid to have been written (a kill between creating and writing the file left an empty
// lock that refused every start for 30 s). The file's contents (the holder's pid) are only
// information for the error message; the lock is the flock, never the contents.
#include "util/Expected.h"

#include <QString>
#include <memory>

namespace lz {

class StateLock {
public:
    // Takes the lock without waiting. Error "state_in_use: …" names the holder's pid when it can.
    static Expected<std::unique_ptr<StateLock>> acquire(const QString& path) { return acquire(path, 0); }
    // The same, waiting up to waitMs (blocking the calling thread) while another process holds it.
    static Expected<std::unique_ptr<StateLock>> acquire(const QString& path, int waitMs);
    ~StateLock(); // releases it (closing the descriptor)
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;

private:
    static Expected<std::unique_ptr<StateLock>> tryAcquire(const QString& path, bool& inUse);
    explicit StateLock(int fd)
        : m_fd(fd) {}
    int m_fd;
};

} // namespace lz
