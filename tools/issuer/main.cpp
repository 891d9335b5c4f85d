// lz-issuer: the issuing side, for demos and tests. Generates keys (ES256, EdDSA, SM2),
// issues credentials for an identity and a holder device key, and builds and signs trust lists.
#include "issuer/ConformanceVectors.h"
#include "issuer/IdCardCommand.h"
#include "issuer/IssuerCommands.h"
#include "issuer/PassportCommands.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <cstdio>

namespace {
constexpr char kUsage[] =
    "usage: lz-issuer <command> [options]   (file formats: docs/tools.md)\n"
    "  keygen     --alg ES256|EdDSA|SM2 --out KEY.pem [--pub PUB.pem]\n"
    "  pubkey     --key KEY.pem [--out PUB.pem]\n"
    "  issue      --issuer-key KEY.pem --kid KID --iss CODE --identity ID.json --device-pub DEV.pem\n"
    "             --out CRED.cose [--serial HEX16] [--at T] [--not-before T] [--valid-days N]\n"
    "             [--portrait PHOTO.jpg]   (signs the portrait's SHA-256; the phone holds the JPEG)\n"
    "  trust-list --anchor-key KEY.pem --anchor-kid KID --spec SPEC.json --out LIST.cose\n"
    "             [--sequence N] [--at T] [--next-update-hours H] [--demo]\n"
    "             [--revoke-random N --revoke-issuer CODE]\n"
    "  csca       --out-key KEY.pem --out-cert CERT.der [--country UT] [--name CN]\n"
    "             [--not-before T] [--not-after T] [--curve P-256|brainpoolP256r1] [--serial N]\n"
    "  crl        --csca-key KEY.pem --csca-cert CERT.der --revoke SERIAL,... --out CRL.der\n"
    "  passport   --csca-key KEY.pem --csca-cert CERT.der --mrz MRZ --photo FACE.jpg|.jp2 --out DIR\n"
    "             [--pace 0|12|13] [--active-auth ec|rsa] [--not-before T] [--not-after T] [--serial N]\n"
    "             broken ones: [--tamper dg1|dg2] [--chip-mrz MRZ] [--clone] "
    "[--ds-without-digital-signature]\n"
    "  conformance-vectors --out FILE.json   the format's conformance vectors (docs/test-vectors/)\n"
    "  id-card    --out DIR [--kind resident|residence_permit|foreigner_2023|foreigner_old] [--name N]\n"
    "             [--birth YYYYMMDD] [--number N] [--sex 1|2] [--valid-from D] [--valid-to D|长期]\n"
    "             a card for lz-sam-emu --card DIR (text.bin, photo.wlt placeholder)\n"
    "Times T: now | epoch seconds | ISO 8601.\n";
}

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-issuer"))
        return 0;
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
    if (command == QLatin1String("conformance-vectors"))
        return lz::issuer::conformanceVectors(options);
    if (command == QLatin1String("pubkey"))
        return lz::issuer::publicKey(options);
    if (command == QLatin1String("issue"))
        return lz::issuer::issue(options);
    if (command == QLatin1String("csca"))
        return lz::issuer::csca(options);
    if (command == QLatin1String("crl"))
        return lz::issuer::crl(options);
    if (command == QLatin1String("id-card"))
        return lz::issuer::idCardCommand(options);
    if (command == QLatin1String("passport"))
        return lz::issuer::passportCommand(options);
    if (command == QLatin1String("trust-list"))
        return lz::issuer::trustList(options);
    std::fputs(kUsage, stderr);
    return lz::cli::kExitUsage;
}
