// lz-pn532-emu: an emulated PN532 on a pseudo-terminal, so that libnfc's unmodified pn532_uart
// driver talks to it as to hardware. Prints the pty path on the first line, then serves until
// killed (or until --unplug-after-ms or "unplug" closes the pty, as a reader pulled out of the
// USB port).
//   lz-pn532-emu [--card iso-dep|type-b|wallet|passport]... [--aid HEX] [--holder N]
//                [--passport DIR|demo|demo-jp2] [--mrz MRZ] [--dg2-bytes N] [--pace 0|12|13]
//                [--credential FILE --device-key FILE [--portrait JPEG]] [--start-absent] [--link PATH]
//                [--remove-at-apdu N] [--appear-after-polls N] [--no-ack] [--bad-checksum]
//                [--delay-ms N] [--unplug-after-ms N] [--stall-at-apdu N] [--nad-at-apdu N]
// A passport is lz-issuer's directory, the demo passport (signed under the DEMO CSCA), or without
// --passport the ICAO specimen's MRZ over filler files (for read tests).
// A wallet card is the phone of demo holder N (default 0), or of the credential and device key
// given. Lines on stdin move the cards: "place" (a tap; "place N": only the Nth --card),
// "remove" (taken away), "unplug".
// --link makes PATH a symbolic link to the pty (a stable name, like a udev rule's) and removes
// it on unplug, so that a test can "replug" a new emulator under the same name.
#include "Pn532Emulator.h"
#include "Pn532Frames.h"
#include "demo/DemoKit.h"
#include "passport/DemoPassport.h"
#include "passport/PassportChip.h"
#include "samples/EmulatedPort.h"
#include "version/Version.h"
#include "wallet/WalletApplet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QStringList>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/prctl.h>
#include <unistd.h>

using namespace lz::pn532;

namespace {
QString option(const QStringList& args, const QString& name, const QString& fallback = {}) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}
QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The phone: a demo holder's wallet, or one made from lz-issuer's files.
std::shared_ptr<lz::wallet::WalletApplet> walletAppletFor(const QStringList& args) {
    if (args.contains(QStringLiteral("--credential"))) {
        const QByteArray credential = readAll(option(args, QStringLiteral("--credential")));
        auto key = lz::PrivateKey::fromPem(readAll(option(args, QStringLiteral("--device-key"))));
        if (credential.isEmpty() || !key) {
            std::fprintf(stderr, "lz-pn532-emu: cannot read --credential / --device-key\n");
            return nullptr;
        }
        return std::make_shared<lz::wallet::WalletApplet>(credential, *key);
    }
    auto kit = lz::demo::DemoKit::load(QDateTime::currentSecsSinceEpoch());
    const int n = option(args, QStringLiteral("--holder"), QStringLiteral("0")).toInt();
    if (!kit || n < 0 || n >= kit->holders().size()) {
        std::fprintf(stderr, "lz-pn532-emu: no demo holder %d\n", n);
        return nullptr;
    }
    const auto& holder = kit->holders().at(n);
    return std::make_shared<lz::wallet::WalletApplet>(holder.credential, holder.deviceKey);
}

std::shared_ptr<lz::wallet::WalletApplet> walletApplet(const QStringList& args) {
    auto applet = walletAppletFor(args);
    // The holder's portrait (issue 17), its hash issued into the credential (lz-issuer --portrait).
    if (applet && args.contains(QStringLiteral("--portrait")))
        applet->setPortrait(readAll(option(args, QStringLiteral("--portrait"))));
    return applet;
}

// "place [N]" / "remove" lines from stdin ("unplug" is the port's).
bool control(Pn532Emulator& emu, const QByteArray& line) {
    if (line == "place")
        emu.setPresent(true);
    else if (line.startsWith("place ")) // one card of several: "place 1" (0-based, --card order)
        emu.setPresent(true, line.mid(6).toInt());
    else if (line == "remove")
        emu.setPresent(false);
    return true;
}
// --passport DIR (lz-issuer passport), demo / demo-jp2 (signed under the DEMO CSCA now), or
// none: the ICAO specimen's MRZ (or --mrz's) over filler files with a --dg2-bytes DG2.
lz::Expected<lz::passport::PassportFiles> passportFiles(const QStringList& args) {
    const QString source = option(args, QStringLiteral("--passport"));
    const QByteArray mrz = option(args, QStringLiteral("--mrz")).toLatin1();
    if (source == QLatin1String("demo") || source == QLatin1String("demo-jp2")) {
        auto kit = lz::demo::DemoKit::load(QDateTime::currentSecsSinceEpoch());
        if (!kit)
            return lz::unexpected(kit.error());
        return lz::passport::demoPassport(*kit, QDateTime::currentSecsSinceEpoch(), mrz,
                                          source == QLatin1String("demo-jp2"));
    }
    if (!source.isEmpty())
        return lz::passport::PassportFiles::load(source);
    lz::passport::PassportFiles p;
    p.mrz = mrz.isEmpty() ? QByteArray(lz::passport::kSpecimenMrz) : mrz;
    if (!lz::icao::parseMrz(QString::fromLatin1(p.mrz)))
        return lz::unexpected(QStringLiteral("--mrz is not a valid MRZ"));
    p.files = lz::passport::demoPassportFiles(
        p.mrz, option(args, QStringLiteral("--dg2-bytes"), QStringLiteral("20480")).toInt());
    return p;
}

} // namespace

namespace {
constexpr char kUsage[] =
    "lz-pn532-emu: an emulated PN532 on a pseudo-terminal, so that libnfc's unmodified pn532_uart\n"
    "driver talks to it as to hardware. Prints the pty path on the first line, then serves until\n"
    "killed (or until --unplug-after-ms or \"unplug\" closes the pty, as a reader pulled out of the\n"
    "USB port).\n"
    "  lz-pn532-emu [--card iso-dep|type-b|wallet|passport]... [--aid HEX] [--holder N]\n"
    "               [--passport DIR|demo|demo-jp2] [--mrz MRZ] [--dg2-bytes N] [--pace 0|12|13]\n"
    "               [--credential FILE --device-key FILE [--portrait JPEG]] [--start-absent] [--link PATH]\n"
    "               [--remove-at-apdu N] [--appear-after-polls N] [--no-ack] [--bad-checksum]\n"
    "               [--delay-ms N] [--unplug-after-ms N] [--stall-at-apdu N] [--nad-at-apdu N]\n"
    "A passport is lz-issuer's directory, the demo passport (signed under the DEMO CSCA), or without\n"
    "--passport the ICAO specimen's MRZ over filler files (for read tests).\n"
    "A wallet card is the phone of demo holder N (default 0), or of the credential and device key\n"
    "given. Lines on stdin move the cards: \"place\" (a tap; \"place N\": only the Nth --card),\n"
    "\"remove\" (taken away), \"unplug\".\n"
    "--link makes PATH a symbolic link to the pty (a stable name, like a udev rule's) and removes\n"
    "it on unplug, so that a test can \"replug\" a new emulator under the same name.\n";
}

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-pn532-emu"))
        return 0;
    if (lz::printUsageIfAsked(argc, argv, kUsage))
        return 0;
    prctl(PR_SET_PDEATHSIG, SIGKILL); // goes with whoever started it (a test, the demo kiosk)
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    Faults faults;
    faults.removeCardAtApdu = option(args, QStringLiteral("--remove-at-apdu"), QStringLiteral("0")).toInt();
    faults.cardAppearsAfterPolls =
        option(args, QStringLiteral("--appear-after-polls"), QStringLiteral("0")).toInt();
    faults.noAck = args.contains(QStringLiteral("--no-ack"));
    faults.badChecksum = args.contains(QStringLiteral("--bad-checksum"));
    faults.stallAtApdu = option(args, QStringLiteral("--stall-at-apdu"), QStringLiteral("0")).toInt();
    faults.nadAtApdu = option(args, QStringLiteral("--nad-at-apdu"), QStringLiteral("0")).toInt();
    faults.delayMs = option(args, QStringLiteral("--delay-ms"), QStringLiteral("0")).toInt();
    const int unplugAfterMs = option(args, QStringLiteral("--unplug-after-ms"), QStringLiteral("0")).toInt();
    Pn532Emulator emu(faults);
    const QByteArray aid =
        QByteArray::fromHex(option(args, QStringLiteral("--aid"), QStringLiteral("F04C5A494401")).toLatin1());
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] != QLatin1String("--card") || i + 1 >= args.size())
            continue;
        if (args[i + 1] == QLatin1String("type-b")) {
            emu.insert(std::make_unique<TypeBCard>());
        } else if (args[i + 1] == QLatin1String("passport")) {
            auto files = passportFiles(args);
            if (!files) {
                std::fprintf(stderr, "lz-pn532-emu: passport: %s\n", qPrintable(files.error()));
                return 2;
            }
            auto chip = std::make_shared<lz::passport::PassportChip>(files->chipKey(), files->files);
            if (!files->activeAuthKeyPem.isEmpty())
                chip->enableActiveAuthentication(files->activeAuthKeyPem);
            // PACE ECDH-GM-AES-128 on 13 (brainpoolP256r1) or 12 (P-256), as well as BAC.
            const int pace =
                option(args, QStringLiteral("--pace"), QString::number(files->paceParameterId)).toInt();
            if (pace)
                chip->enablePace({QByteArray::fromHex("04007F00070202040202"), pace});
            emu.insert(std::make_unique<ApduCard>([chip](const QByteArray& c) { return chip->process(c); },
                                                  QByteArray::fromHex("08c0ffee"),
                                                  [chip] { chip->powerUp(); }));
        } else if (args[i + 1] == QLatin1String("wallet")) {
            auto applet = walletApplet(args);
            if (!applet)
                return 2;
            emu.insert(std::make_unique<WalletCard>(std::move(applet)));
        } else {
            emu.insert(std::make_unique<IsoDepCard>(aid));
        }
    }
    emu.setPresent(!args.contains(QStringLiteral("--start-absent")));
    const QByteArray link = option(args, QStringLiteral("--link")).toLocal8Bit();

    auto port = lz::samples::EmulatedPort::open("lz-pn532-emu", link);
    if (!port)
        return 2;
    const int master = port->master();
    FrameParser parser;
    return port->serve(
        unplugAfterMs, [&](const QByteArray& line) { return control(emu, line); },
        [&](const QByteArray& bytes) {
            parser.feed(bytes);
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
            return true;
        });
}
