#include "passport/DemoPassport.h"

namespace lz::passport {

namespace {
QByteArray length(qsizetype n) {
    if (n < 0x80)
        return QByteArray(1, char(n));
    if (n < 0x100)
        return QByteArray(1, char(0x81)) + char(n);
    return QByteArray(1, char(0x82)) + char(n >> 8) + char(n & 0xFF);
}

QByteArray object(const QByteArray& tag, const QByteArray& value) {
    return tag + length(value.size()) + value;
}

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
    f.insert(icao::kEfCom, QByteArray::fromHex("60145F0104303130365F36063034303030305C026175"));
    f.insert(icao::kEfDg1, object(QByteArray::fromHex("61"), object(QByteArray::fromHex("5F1F"), mrz)));
    f.insert(icao::kEfDg2, object(QByteArray::fromHex("75"), filler(qMax(16, dg2Bytes - 4), 3)));
    f.insert(icao::kEfSod, object(QByteArray::fromHex("77"), filler(1500, 11)));
    return f;
}

} // namespace lz::passport
