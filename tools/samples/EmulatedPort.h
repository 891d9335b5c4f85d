#pragma once
// The serial side of the emulated readers (lz-pn532-emu, lz-sam-emu): a pseudo-terminal in raw
// mode that the terminal's unmodified serial code opens as it would a USB-serial bridge, an
// optional stable name (a symbolic link, as a udev rule's), control lines on stdin ("place",
// "remove", "unplug", ...), and an unplug that makes the host's reads and writes fail. Test
// equipment, never linked into the product.
#include <QByteArray>
#include <QElapsedTimer>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <optional>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace lz::samples {

class EmulatedPort {
public:
    // Opens the pty and prints its path as stdout's first line; nullopt (said on stderr) on failure.
    static std::optional<EmulatedPort> open(const char* program, const QByteArray& link) {
        EmulatedPort p;
        p.m_link = link;
        p.m_master = posix_openpt(O_RDWR | O_NOCTTY);
        if (p.m_master < 0 || grantpt(p.m_master) != 0 || unlockpt(p.m_master) != 0) {
            std::fprintf(stderr, "%s: pty: cannot open\n", program);
            return std::nullopt;
        }
        const char* name = ptsname(p.m_master);
        // Our own handle on the slave keeps the master readable between clients and lets us set
        // raw mode (no echo, no line discipline) before the host opens it.
        p.m_slave = ::open(name, O_RDWR | O_NOCTTY);
        termios t{};
        tcgetattr(p.m_slave, &t);
        cfmakeraw(&t);
        tcsetattr(p.m_slave, TCSANOW, &t);
        if (!link.isEmpty()) {
            unlink(link.constData());
            if (symlink(name, link.constData()) != 0) {
                std::fprintf(stderr, "%s: --link: cannot create %s\n", program, link.constData());
                return std::nullopt;
            }
        }
        std::printf("%s\n", name);
        std::fflush(stdout);
        return p;
    }

    int master() const { return m_master; }

    // The reader is pulled out: the host's reads and writes fail, the stable name goes.
    void unplug() {
        if (!m_link.isEmpty())
            unlink(m_link.constData());
        ::close(m_master);
        ::close(m_slave);
    }

    // Serves until a control line (or onLine) says unplug, or unplugAfterMs (0: never) passes:
    // onLine gets each line from stdin (false: unplug now), onBytes each read from the host
    // (false: the line is gone). Returns the exit code after unplugging.
    int serve(int unplugAfterMs, const std::function<bool(const QByteArray&)>& onLine,
              const std::function<bool(const QByteArray&)>& onBytes) {
        QElapsedTimer clock;
        clock.start();
        bool stdinOpen = true;
        QByteArray control;
        char buf[512];
        for (;;) {
            if (unplugAfterMs > 0 && clock.elapsed() >= unplugAfterMs)
                break;
            pollfd p[2] = {{m_master, POLLIN, 0}, {stdinOpen ? STDIN_FILENO : -1, POLLIN, 0}};
            if (poll(p, 2, 20) <= 0)
                continue;
            if (p[1].revents) {
                const ssize_t c = read(STDIN_FILENO, buf, sizeof buf);
                if (c <= 0)
                    stdinOpen = false; // nobody steers us: keep serving as we are
                else
                    control.append(buf, int(c));
                qsizetype eol;
                bool keep = true;
                while (keep && (eol = control.indexOf('\n')) >= 0) {
                    const QByteArray line = control.left(eol).trimmed();
                    control.remove(0, eol + 1);
                    keep = line != "unplug" && onLine(line);
                }
                if (!keep)
                    break;
            }
            if (!(p[0].revents & POLLIN))
                continue;
            const ssize_t n = read(m_master, buf, sizeof buf);
            if (n <= 0)
                continue; // no client on the slave side right now
            if (!onBytes(QByteArray(buf, int(n))))
                break;
        }
        unplug();
        return 0;
    }

private:
    EmulatedPort() = default;
    int m_master = -1, m_slave = -1;
    QByteArray m_link;
};

} // namespace lz::samples
