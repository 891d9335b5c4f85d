#include "passport/DemoPassport.h"

namespace lz::passport {

namespace {
QByteArray filler(qsizetype n, int seed) {
    QByteArray b(n, '\0');
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(seed + i * 7);
    return b;
}
} // namespace

Expected<PassportFiles> demoPassport(const demo::DemoKit& kit, qint64 now, const QByteArray& mrz,
                                     bool jpeg2000) {
    auto csca = Signer::load(kit.cscaCertificate(), kit.cscaKeyPem());
    if (!csca)
        return unexpected(csca.error());
    CertificateSpec ds;
    ds.commonName = QStringLiteral("DEMO document signer Utopia");
    ds.notBefore = now - 365 * 86400;
    ds.notAfter = now + 365 * 86400;
    ds.serial = now;
    PassportSpec spec;
    spec.mrz = mrz.isEmpty() ? QByteArray(demo::kDemoPassportMrz) : mrz;
    spec.photo = demo::DemoKit::facePhoto(jpeg2000);
    // resources/demo/demo-face.*: drawn at 420×540, the JPEG 2000 one at 240×308.
    spec.photoWidth = jpeg2000 ? 240 : 420;
    spec.photoHeight = jpeg2000 ? 308 : 540;
    spec.activeAuth = QStringLiteral("ec");
    return makePassport(spec, makeDocumentSigner(*csca, ds));
}

QMap<quint16, QByteArray> demoPassportFiles(const QByteArray& mrz, int dg2Bytes) {
    QMap<quint16, QByteArray> f;
    f.insert(icao::kEfCom, efCom({1, 2}));
    f.insert(icao::kEfDg1, dg1(mrz));
    f.insert(icao::kEfDg2, tlv("75", filler(qMax(16, dg2Bytes - 4), 3)));
    f.insert(icao::kEfSod, tlv("77", filler(1500, 11)));
    return f;
}

} // namespace lz::passport
