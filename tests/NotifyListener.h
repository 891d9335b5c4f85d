#pragma once
// A stand-in for systemd's notification socket in tests: an abstract-namespace datagram socket
// the program under test gets as NOTIFY_SOCKET=@name, and the messages it receives.
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <cstddef>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace lz::test {

class NotifyListener {
public:
    NotifyListener() {
        m_name = QStringLiteral("lz-test-notify-%1-%2")
                     .arg(::getpid())
                     .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray n = m_name.toLatin1();
        std::memcpy(addr.sun_path + 1, n.constData(), std::size_t(n.size())); // sun_path[0] = 0: abstract
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr),
                         socklen_t(offsetof(sockaddr_un, sun_path) + 1 + n.size())) == 0;
    }
    ~NotifyListener() { ::close(m_fd); }
    NotifyListener(const NotifyListener&) = delete;
    NotifyListener& operator=(const NotifyListener&) = delete;

    bool bound() const { return m_bound; }
    // The value for NOTIFY_SOCKET.
    QString address() const { return QLatin1Char('@') + m_name; }

    // The next message, or an empty one when none came within `timeoutMs`.
    QByteArray next(int timeoutMs) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) != 1)
            return {};
        char buf[4096];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
    }

    // Waits (up to `timeoutMs` in all) for a message holding the line `line`; every message seen
    // on the way is appended to `seen`.
    bool waitFor(const QByteArray& line, int timeoutMs, QList<QByteArray>* seen = nullptr) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QByteArray m = next(int(qMax<qint64>(1, timeoutMs - t.elapsed())));
            if (m.isEmpty())
                continue;
            if (seen)
                seen->append(m);
            if (m.split('\n').contains(line))
                return true;
        }
        return false;
    }

private:
    QString m_name;
    int m_fd = -1;
    bool m_bound = false;
};

} // namespace lz::test
