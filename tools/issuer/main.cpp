// lz-issuer: the issuing side, for demos and tests. Generates keys (ES256, EdDSA, SM2),
// issues credentials for an identity and a holder device key, and builds and signs trust lists.
#include "issuer/IssuerCommands.h"

#include <QCoreApplication>
#include <cstdio>

namespace {
constexpr char kUsage[] =
    "usage: lz-issuer <command> [options]   (file formats: docs/tools.md)\n"
    "  keygen     --alg ES256|EdDSA|SM2 --out KEY.pem [--pub PUB.pem]\n"
    "  pubkey     --key KEY.pem [--out PUB.pem]\n"
    "  issue      --issuer-key KEY.pem --kid KID --iss CODE --identity ID.json --device-pub DEV.pem\n"
    "             --out CRED.cose [--serial HEX16] [--at T] [--not-before T] [--valid-days N]\n"
    "  trust-list --anchor-key KEY.pem --anchor-kid KID --spec SPEC.json --out LIST.cose\n"
    "             [--sequence N] [--at T] [--next-update-hours H] [--demo]\n"
    "             [--revoke-random N --revoke-issuer CODE]\n"
    "Times T: now | epoch seconds | ISO 8601.\n";
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help")) {
        std::fputs(kUsage, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? lz::cli::kExitUsage : lz::cli::kExitOk;
    }
    const QString command = args.takeFirst();
    const lz::cli::Options options(args);
    if (command == QLatin1String("keygen"))
        return lz::issuer::keygen(options);
    if (command == QLatin1String("pubkey"))
        return lz::issuer::publicKey(options);
    if (command == QLatin1String("issue"))
        return lz::issuer::issue(options);
    if (command == QLatin1String("trust-list"))
        return lz::issuer::trustList(options);
    std::fputs(kUsage, stderr);
    return lz::cli::kExitUsage;
}
