#include "util/SdNotify.h"

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace lz {

bool sdNotify(const QByteArray& state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    // A path, or '@' for Linux's abstract namespace; anything else (vsock etc.) is not ours.
    if (!path || (path[0] != '/' && path[0] != '@'))
        return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::size_t len = std::strlen(path);
    if (len < 2 || len >= sizeof addr.sun_path)
        return false;
    std::memcpy(addr.sun_path, path, len);
    if (path[0] == '@')
        addr.sun_path[0] = '\0';
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    const auto addrLen = socklen_t(offsetof(sockaddr_un, sun_path) + len);
    ssize_t sent;
    do
        sent = ::sendto(fd, state.constData(), std::size_t(state.size()), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr*>(&addr), addrLen);
    while (sent < 0 && errno == EINTR);
    ::close(fd);
    return sent == state.size();
}

qint64 sdWatchdogIntervalMs() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec)
        return 0;
    char* end = nullptr;
    const long long v = std::strtoll(usec, &end, 10);
    return (end && *end == '\0' && v > 0) ? qint64(v / 1000) : 0;
}

} // namespace lz
