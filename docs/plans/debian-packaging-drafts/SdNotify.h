// SdNotify.h — sd_notify(3)'s datagram, no libsystemd
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
inline bool sdNotify(std::string_view state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || (path[0] != '/' && path[0] != '@'))
        return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const size_t len = std::strlen(path);
    if (len >= sizeof addr.sun_path)
        return false;
    std::memcpy(addr.sun_path, path, len);
    if (path[0] == '@')
        addr.sun_path[0] = '\0';
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto alen = socklen_t(offsetof(sockaddr_un, sun_path) + len);
    const bool ok = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr),
                             alen) == ssize_t(state.size());
    ::close(fd);
    return ok;
}
// in the kiosk: after the window is shown → sdNotify("READY=1");
// usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(); if (usec > 0) a QTimer on the GUI thread
// every usec/2000 ms sends "WATCHDOG=1" only while the reader threads' heartbeats are fresh;
// aboutToQuit → sdNotify("STOPPING=1").
