// lz-wallet: the holder's phone. From a credential and the device key it makes presentations
// (COSE_Sign1 by the device key, valid ≤ 300 s) and shows them as QR text, a PNG, or an MJPEG
// video in which the code rotates like a real wallet's. `lz-wallet nfc` is the phone on an NFC
// reader: the wallet applet (WalletApplet.h) answering hex C-APDUs, one per line on stdin, with
// hex R-APDUs on stdout (the emulated PN532 hosts the same applet as a virtual card).
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "nfc/WalletProtocol.h"
#include "qr/QrRender.h"
#include "toolkit/CliSupport.h"
#include "version/Version.h"
#include "wallet/WalletApplet.h"
#include "wallet/WalletVideo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>

using namespace lz;

namespace {
constexpr char kUsage[] =
    "usage: lz-wallet present --credential CRED.cose --device-key DEV.pem [--at T] [--lifetime S]\n"
    "                 [--nonce HEX] [--png FILE [--module-px N]]\n"
    "                 [--video FILE [--seconds S] [--rotate N] [--fps F] [--module-px N]]\n"
    "Without --png/--video the QR text is printed on stdout. Times T: now | epoch seconds | ISO 8601.\n"
    "       lz-wallet nfc --credential CRED.cose --device-key DEV.pem [--portrait PHOTO.jpg]\n"
    "                 (hex C-APDU lines in, R-APDU lines out; the portrait <= 16 KiB, its hash issued\n"
    "                 into the credential with lz-issuer issue --portrait)\n";

// The holder's phone: the credential and the device key bound in it.
struct Holder {
    QByteArray credential;
    PrivateKey device;
};

Expected<Holder> loadHolder(const cli::Options& o) {
    auto credential = cli::readFile(o.value(QStringLiteral("--credential")));
    if (!credential)
        return unexpected(credential.error());
    auto pem = cli::readFile(o.value(QStringLiteral("--device-key")));
    if (!pem)
        return unexpected(pem.error());
    auto device = PrivateKey::fromPem(*pem);
    if (!device)
        return unexpected(device.error());
    return Holder{*credential, *device};
}

int serveNfc(const cli::Options& o) {
    auto holder = loadHolder(o);
    if (!holder)
        return cli::fail(holder.error());
    wallet::WalletApplet applet(holder->credential, holder->device);
    if (o.has(QStringLiteral("--portrait"))) {
        auto portrait = cli::readFile(o.value(QStringLiteral("--portrait")));
        if (!portrait)
            return cli::fail(portrait.error());
        if (portrait->size() > nfc::wallet::kMaxPortraitBytes)
            return cli::fail(
                QStringLiteral("--portrait is over %1 bytes").arg(nfc::wallet::kMaxPortraitBytes));
        applet.setPortrait(*portrait);
    }
    char line[4096];
    while (std::fgets(line, sizeof line, stdin)) {
        const QByteArray capdu = QByteArray::fromHex(QByteArray(line).trimmed());
        std::printf("%s\n", applet.process(capdu).toHex().constData());
        std::fflush(stdout);
    }
    return cli::kExitOk;
}
} // namespace

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-wallet"))
        return 0;
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("nfc"))
        return serveNfc(cli::Options(args));
    if (command != QLatin1String("present")) {
        std::fputs(kUsage, stderr);
        return cli::kExitUsage;
    }
    const cli::Options o(args);
    const QStringList known{
        QStringLiteral("--credential"), QStringLiteral("--device-key"), QStringLiteral("--at"),
        QStringLiteral("--lifetime"),   QStringLiteral("--nonce"),      QStringLiteral("--png"),
        QStringLiteral("--module-px"),  QStringLiteral("--video"),      QStringLiteral("--seconds"),
        QStringLiteral("--rotate"),     QStringLiteral("--fps")};
    if (!o.unknown(known).isEmpty())
        return cli::fail(
            QStringLiteral("unknown option %1\n%2").arg(o.unknown(known).first(), QLatin1String(kUsage)));
    auto holder = loadHolder(o);
    if (!holder)
        return cli::fail(holder.error());
    const QByteArray& credential = holder->credential;
    const PrivateKey& device = holder->device;
    auto at = cli::parseTime(o.value(QStringLiteral("--at")), QDateTime::currentSecsSinceEpoch());
    if (!at)
        return cli::fail(at.error());
    const qint64 lifetime = o.value(QStringLiteral("--lifetime"), QStringLiteral("300")).toLongLong();
    if (lifetime < 1 || lifetime > 300)
        return cli::fail(QStringLiteral("--lifetime must be 1..300 seconds"));
    const QByteArray nonce = QByteArray::fromHex(o.value(QStringLiteral("--nonce")).toLatin1());
    const int modulePx = o.value(QStringLiteral("--module-px"), QStringLiteral("5")).toInt();
    auto qrAt = [&](qint64 t) {
        return qr::encode(Presentation::make(credential, t, lifetime, nonce).sign(device));
    };

    if (o.has(QStringLiteral("--video"))) {
        wallet::VideoSpec spec;
        spec.path = o.value(QStringLiteral("--video"));
        spec.seconds = o.value(QStringLiteral("--seconds"), QStringLiteral("180")).toInt();
        spec.rotateSeconds = qMax(1, o.value(QStringLiteral("--rotate"), QStringLiteral("60")).toInt());
        spec.fps = o.value(QStringLiteral("--fps"), QStringLiteral("10")).toDouble();
        spec.modulePixels = modulePx;
        auto frames = wallet::writeRotatingVideo(spec, [&](int offset) { return qrAt(*at + offset); });
        if (!frames)
            return cli::fail(frames.error());
        cli::printJson({{QStringLiteral("video"), spec.path}, {QStringLiteral("frames"), *frames}});
        return cli::kExitOk;
    }
    const QString text = qrAt(*at);
    if (o.has(QStringLiteral("--png"))) {
        const QrSymbol symbol = renderQr(text, modulePx);
        if (!cv::imwrite(o.value(QStringLiteral("--png")).toStdString(), symbol.image))
            return cli::fail(QStringLiteral("cannot write %1").arg(o.value(QStringLiteral("--png"))));
        cli::printJson({{QStringLiteral("png"), o.value(QStringLiteral("--png"))},
                        {QStringLiteral("qr_version"), symbol.version},
                        {QStringLiteral("characters"), text.size()}});
        return cli::kExitOk;
    }
    std::printf("%s\n", qPrintable(text));
    return cli::kExitOk;
}
