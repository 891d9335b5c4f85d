// EF.SOD and the CSCA store on arbitrary bytes: passive authentication of a hostile chip's
// security object (tag 77, CMS SignedData, LDSSecurityObject) against a real CSCA, the
// LDSSecurityObject parser alone, a trust list's CSCA certificate / CRL entries, and active
// authentication (DG15 key, DG14 SecurityInfos, the chip's answer). Nothing a fuzzer makes may
// pass passive or active authentication: it holds neither the CSCA's nor the chip's key.
#include "icao/ActiveAuth.h"
#include "icao/CscaStore.h"
#include "icao/PassiveAuth.h"
#include "passport/PassportIssuer.h"

#include <cstdint>

using namespace lz;

namespace {
constexpr qint64 kNow = 1790000000;

struct World {
    passport::Signer csca;
    std::shared_ptr<const icao::CscaStore> store;
    QMap<int, QByteArray> groups;
    QByteArray dg14, dg15;
    World() {
        passport::CertificateSpec spec;
        spec.commonName = QStringLiteral("CSCA fuzz");
        spec.notBefore = kNow - 86400;
        spec.notAfter = kNow + 86400;
        csca = passport::makeCsca(spec);
        store = *icao::CscaStore::build({csca.certificateDer()});
        groups = {
            {1,
             passport::dg1(
                 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<3UTO6908061F9406236ZE184226B<<<<<14")},
            {2, passport::dg2(QByteArray::fromHex("ffd8ffe0") + QByteArray(64, 'j'), false, 8, 8)}};
        passport::PassportSpec p;
        p.mrz = groups.value(1).mid(5);
        p.photo = QByteArray::fromHex("ffd8ffe0") + QByteArray(64, 'j');
        p.activeAuth = QStringLiteral("ec");
        auto files = passport::makePassport(p, passport::makeDocumentSigner(csca, spec));
        dg14 = files->files.value(0x010E);
        dg15 = files->files.value(0x010F);
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto r = icao::passiveAuthenticate(bytes, world.groups, *world.store, kNow);
    if (r.ok())
        __builtin_trap();
    (void)icao::parseLdsSecurityObject(bytes);
    (void)icao::checkDg15(bytes);
    (void)icao::activeAuthHash(bytes);
    if (icao::verifyActiveAuthentication(world.dg15, world.dg14, {QByteArray("8 bytes!"), bytes, {}}))
        __builtin_trap();
    (void)icao::verifyActiveAuthentication(bytes, world.dg14, {QByteArray("8 bytes!"), bytes.left(64), {}});
    if (size > 0 && data[0] == 0x30) {
        (void)icao::CscaStore::build({bytes});
        (void)icao::CscaStore::build({world.csca.certificateDer()}, {bytes});
    }
    return 0;
}
