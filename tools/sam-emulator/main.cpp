// lz-sam-emu: an ID-card reader's SAM on a pseudo-terminal, so that the terminal's serial code
// talks to it as to a reader behind a USB-serial bridge. Prints the pty path on the first line,
// then serves until killed (or "unplug" / --unplug-after-ms closes the pty, as a reader pulled out).
//   lz-sam-emu [--card DIR | --demo-card resident|residence_permit|foreigner_2023|foreigner_old]...
//              [--start-absent] [--link PATH] [--baud N] [--sam-delay FIND,SELECT,READ]
//              [--select-fails] [--read-status HEX] [--lift-during-read] [--bad-checksum-every N]
//              [--split] [--silent] [--unplug-after-ms N] [--sam-id HEX16] [--new-address TEXT]
// A pty ignores the baud rate: the emulator paces what it writes at --baud (10 bits a byte, 8N1),
// and adds the SAM's processing time (--sam-delay, milliseconds) before each answer.
// Lines on stdin: "place [N]" (lay card N, default 0: a new placement), "remove", "unplug".
// Without --start-absent the first card lies on the reader from the start.
#include "CardFiles.h"
#include "SamEmulator.h"
#include "samples/EmulatedPort.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>
#include <QThread>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/prctl.h>
#include <unistd.h>

using namespace lz;

namespace {

QString option(const QStringList& args, const QString& name, const QString& fallback = {}) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

std::optional<idcard::CardType> cardType(const QString& name) {
    for (idcard::CardType t : samemu::allCardTypes())
        if (idcard::cardTypeName(t) == name)
            return t;
    return std::nullopt;
}

void sleepMs(double ms) {
    if (ms > 0)
        usleep(useconds_t(ms * 1000));
}

// Writes bytes as a serial line at `baud` would deliver them: in pieces of at most 32 bytes, each
// when its last bit would have arrived. --split: random small pieces with gaps, as USB bridges do.
bool writePaced(int fd, const QByteArray& bytes, int baud, bool split) {
    QElapsedTimer t;
    t.start();
    const double msPerByte = baud > 0 ? 10000.0 / baud : 0;
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qsizetype piece =
            split ? 1 + QRandomGenerator::global()->bounded(7) : std::min<qsizetype>(32, bytes.size() - done);
        const qsizetype n = std::min(piece, bytes.size() - done);
        sleepMs((done + n) * msPerByte - double(t.nsecsElapsed()) / 1e6);
        if (::write(fd, bytes.constData() + done, size_t(n)) != n)
            return false;
        done += n;
        if (split)
            sleepMs(1 + QRandomGenerator::global()->bounded(3));
    }
    return true;
}

} // namespace

namespace {
constexpr char kUsage[] =
    "lz-sam-emu: an ID-card reader's SAM on a pseudo-terminal, so that the terminal's serial code\n"
    "talks to it as to a reader behind a USB-serial bridge. Prints the pty path on the first line,\n"
    "then serves until killed (or \"unplug\" / --unplug-after-ms closes the pty, as a reader pulled out).\n"
    "  lz-sam-emu [--card DIR | --demo-card resident|residence_permit|foreigner_2023|foreigner_old]...\n"
    "             [--start-absent] [--link PATH] [--baud N] [--sam-delay FIND,SELECT,READ]\n"
    "             [--select-fails] [--read-status HEX] [--lift-during-read] [--bad-checksum-every N]\n"
    "             [--split] [--silent] [--unplug-after-ms N] [--sam-id HEX16] [--new-address TEXT]\n"
    "A pty ignores the baud rate: the emulator paces what it writes at --baud (10 bits a byte, 8N1),\n"
    "and adds the SAM's processing time (--sam-delay, milliseconds) before each answer.\n"
    "Lines on stdin: \"place [N]\" (lay card N, default 0: a new placement), \"remove\", \"unplug\".\n"
    "Without --start-absent the first card lies on the reader from the start.\n";
}

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-sam-emu"))
        return 0;
    if (lz::printUsageIfAsked(argc, argv, kUsage))
        return 0;
    prctl(PR_SET_PDEATHSIG, SIGKILL); // goes with whoever started it (a test, the demo kiosk)
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);

    samemu::SamFaults faults;
    faults.selectFails = args.contains(QStringLiteral("--select-fails"));
    faults.readStatus =
        quint8(option(args, QStringLiteral("--read-status"), QStringLiteral("0")).toUInt(nullptr, 16));
    faults.liftDuringRead = args.contains(QStringLiteral("--lift-during-read"));
    faults.badChecksumEvery =
        option(args, QStringLiteral("--bad-checksum-every"), QStringLiteral("0")).toInt();
    faults.silent = args.contains(QStringLiteral("--silent"));
    faults.newAddress = option(args, QStringLiteral("--new-address"));
    samemu::SamDelays delays;
    if (const QStringList d = option(args, QStringLiteral("--sam-delay")).split(QLatin1Char(','));
        d.size() == 3) {
        delays.find = d[0].toInt();
        delays.select = d[1].toInt();
        delays.read = d[2].toInt();
    }
    const int baud = option(args, QStringLiteral("--baud"), QStringLiteral("115200")).toInt();
    const bool split = args.contains(QStringLiteral("--split"));
    const int unplugAfterMs = option(args, QStringLiteral("--unplug-after-ms"), QStringLiteral("0")).toInt();
    // 16 bytes, printed by the terminal as 05.01-20101010-0012345678-0087654321 (Routon's format).
    const QByteArray samId = QByteArray::fromHex(
        option(args, QStringLiteral("--sam-id"), QStringLiteral("0500010092b732014e61bc00b17f3905"))
            .toLatin1());

    samemu::SamEmulator sam(samId, faults, delays);
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--card")) {
            auto files = samemu::CardFiles::load(args[i + 1]);
            if (!files) {
                std::fprintf(stderr, "lz-sam-emu: --card: %s\n", qPrintable(files.error()));
                return 2;
            }
            sam.addCard(*files);
        } else if (args[i] == QLatin1String("--demo-card")) {
            const auto type = cardType(args[i + 1]);
            if (!type) {
                std::fprintf(stderr, "lz-sam-emu: --demo-card: no such card kind %s\n",
                             qPrintable(args[i + 1]));
                return 2;
            }
            sam.addCard({samemu::writeTextBlock(samemu::demoCard(*type)),
                         samemu::placeholderPhoto(quint8(sam.cardCount() + 1))});
        }
    }
    if (!args.contains(QStringLiteral("--start-absent")) && sam.cardCount() > 0)
        sam.place(0);
    const QByteArray link = option(args, QStringLiteral("--link")).toLocal8Bit();

    auto port = samples::EmulatedPort::open("lz-sam-emu", link);
    if (!port)
        return 2;
    const int master = port->master();
    idcard::SamFrameParser parser;
    return port->serve(
        unplugAfterMs,
        [&](const QByteArray& line) {
            if (line == "place")
                sam.place(0);
            else if (line.startsWith("place "))
                sam.place(line.mid(6).toInt());
            else if (line == "remove")
                sam.lift();
            return true;
        },
        [&](const QByteArray& bytes) {
            parser.feed(bytes);
            while (auto item = parser.next()) {
                if (!item->frame) { // a corrupted request: the SAM says so (10 checksum, 11 length)
                    const bool checksum = item->problem == idcard::FrameProblem::BadChecksum;
                    (void)writePaced(master, idcard::encodeAnswer(checksum ? 0x10 : 0x11), baud, split);
                    continue;
                }
                const samemu::SamEmulator::Answer a = sam.handle(*item->frame);
                if (a.frame.isEmpty())
                    continue;
                // The request's own time on the line (the host's UART is not paced by a pty either).
                const double requestMs = baud > 0 ? (item->frame->body.size() + 8) * 10000.0 / baud : 0;
                sleepMs(requestMs + a.workMs);
                if (!writePaced(master, a.frame, baud, split))
                    return false;
            }
            return true;
        });
}
