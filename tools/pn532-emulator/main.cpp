// lz-pn532-emu: an emulated PN532 on a pseudo-terminal, so that libnfc's unmodified pn532_uart
// driver talks to it as to hardware. Prints the pty path on the first line, then serves until
// killed (or until --unplug-after closes the pty, as a reader pulled out of the USB port).
//   lz-pn532-emu [--card iso-dep|type-b]... [--aid HEX] [--remove-at-apdu N] [--appear-after-polls N]
//                [--no-ack] [--bad-checksum] [--delay-ms N] [--unplug-after-ms N]
#include "Pn532Emulator.h"
#include "Pn532Frames.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

using namespace lz::pn532;

namespace {
QString option(const QStringList& args, const QString& name, const QString& fallback = {}) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    Faults faults;
    faults.removeCardAtApdu = option(args, QStringLiteral("--remove-at-apdu"), QStringLiteral("0")).toInt();
    faults.cardAppearsAfterPolls =
        option(args, QStringLiteral("--appear-after-polls"), QStringLiteral("0")).toInt();
    faults.noAck = args.contains(QStringLiteral("--no-ack"));
    faults.badChecksum = args.contains(QStringLiteral("--bad-checksum"));
    faults.delayMs = option(args, QStringLiteral("--delay-ms"), QStringLiteral("0")).toInt();
    const int unplugAfterMs = option(args, QStringLiteral("--unplug-after-ms"), QStringLiteral("0")).toInt();
    Pn532Emulator emu(faults);
    const QByteArray aid =
        QByteArray::fromHex(option(args, QStringLiteral("--aid"), QStringLiteral("F04C5A494401")).toLatin1());
    for (qsizetype i = 0; i < args.size(); ++i)
        if (args[i] == QLatin1String("--card") && i + 1 < args.size())
            args[i + 1] == QLatin1String("type-b") ? emu.insert(std::make_unique<TypeBCard>())
                                                   : emu.insert(std::make_unique<IsoDepCard>(aid));

    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        std::perror("lz-pn532-emu: pty");
        return 2;
    }
    const char* name = ptsname(master);
    // Our own handle on the slave keeps the master readable between clients and lets us set raw
    // mode (no echo, no line discipline) before libnfc opens it.
    const int slave = open(name, O_RDWR | O_NOCTTY);
    termios t{};
    tcgetattr(slave, &t);
    cfmakeraw(&t);
    tcsetattr(slave, TCSANOW, &t);
    std::printf("%s\n", name);
    std::fflush(stdout);

    FrameParser parser;
    QElapsedTimer clock;
    clock.start();
    char buf[512];
    for (;;) {
        if (unplugAfterMs > 0 && clock.elapsed() >= unplugAfterMs) {
            close(master); // the reader is gone: the host's reads and writes fail
            close(slave);
            return 0;
        }
        pollfd p{master, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0)
            continue;
        const ssize_t n = read(master, buf, sizeof buf);
        if (n <= 0)
            continue; // no client on the slave side right now
        parser.feed(QByteArray(buf, int(n)));
        while (auto frame = parser.next()) {
            if (frame->kind != HostFrame::Kind::Command)
                continue; // a host ACK aborts nothing here: every answer is immediate
            if (faults.noAck)
                continue;
            QByteArray out = ackFrame();
            if (auto response = emu.handle(frame->payload)) {
                QByteArray f = encodeFrame(kPn532ToHost, *response);
                if (faults.badChecksum)
                    f[f.size() - 2] = char(f[f.size() - 2] ^ 0x5a);
                if (faults.delayMs > 0) {
                    (void)!write(master, out.constData(), size_t(out.size()));
                    out.clear();
                    usleep(useconds_t(faults.delayMs) * 1000);
                }
                out += f;
            }
            (void)!write(master, out.constData(), size_t(out.size()));
        }
    }
}
