// The normative test vector of docs/credential-format.md (docs/test-vectors/eddsa-full.json):
// rebuilt byte for byte from its inputs (Ed25519 is deterministic), decoded from its QR text,
// and verified as valid at its stated time.
#include "credential/Credential.h"
#include "credential/IdentityJson.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace lz;

namespace {
PrivateKey ed25519(const QString& seedHex) {
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410 section 7).
    const QByteArray der =
        QByteArray::fromHex("302e020100300506032b657004220420") + QByteArray::fromHex(seedHex.toLatin1());
    return *PrivateKey::fromPem("-----BEGIN PRIVATE KEY-----\n" + der.toBase64() +
                                "\n-----END PRIVATE KEY-----\n");
}
QByteArray hex(const QJsonObject& o, const char* key) {
    return QByteArray::fromHex(o.value(QLatin1String(key)).toString().toLatin1());
}
} // namespace

class TestTestVectors : public QObject {
    Q_OBJECT
    QJsonObject m_v;

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("LZ_SOURCE_DIR") + QStringLiteral("/docs/test-vectors/eddsa-full.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_v = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!m_v.isEmpty());
    }
    void rebuildsByteForByte() {
        const QJsonObject issuerJ = m_v.value(QLatin1String("issuer")).toObject();
        const QJsonObject deviceJ = m_v.value(QLatin1String("device")).toObject();
        const PrivateKey issuer = ed25519(issuerJ.value(QLatin1String("private_seed_hex")).toString());
        const PrivateKey device = ed25519(deviceJ.value(QLatin1String("private_seed_hex")).toString());
        QCOMPARE(issuer.publicKey().toCoseKey().value(-2).toByteArray(), hex(issuerJ, "public_hex"));
        QCOMPARE(device.publicKey().toCoseKey().value(-2).toByteArray(), hex(deviceJ, "public_hex"));

        const QJsonObject in = m_v.value(QLatin1String("credential_input")).toObject();
        Credential c;
        c.issuer = issuerJ.value(QLatin1String("iss")).toString();
        c.id = hex(in, "cti_hex");
        c.issuedAt = in.value(QLatin1String("iat")).toInteger();
        c.notBefore = in.value(QLatin1String("nbf")).toInteger();
        c.expiresAt = in.value(QLatin1String("exp")).toInteger();
        c.holderKey = device.publicKey();
        c.identity = *identityFromJson(in.value(QLatin1String("identity")).toObject());
        QCOMPARE(c.toClaims().toHex(), hex(m_v, "credential_claims_hex").toHex());
        const QByteArray credential =
            c.issue(issuer, issuerJ.value(QLatin1String("kid")).toString().toUtf8());
        QCOMPARE(credential.toHex(), hex(m_v, "credential_cose_hex").toHex());

        const QJsonObject pin = m_v.value(QLatin1String("presentation_input")).toObject();
        Presentation p;
        p.credential = credential;
        p.issuedAt = pin.value(QLatin1String("iat")).toInteger();
        p.expiresAt = pin.value(QLatin1String("exp")).toInteger();
        p.jti = hex(pin, "jti_hex");
        QCOMPARE(p.sign(device).toHex(), hex(m_v, "presentation_cose_hex").toHex());
    }
    void qrTextDecodesAndVerifies() {
        const QString text = m_v.value(QLatin1String("qr_text_zlib_1_2_13")).toString();
        QCOMPARE(*qr::decode(text), hex(m_v, "presentation_cose_hex"));
        const QJsonObject issuerJ = m_v.value(QLatin1String("issuer")).toObject();
        const PrivateKey anchor = PrivateKey::generate(Algorithm::ES256);
        TrustList l;
        l.sequence = 1;
        l.issuedAt = m_v.value(QLatin1String("verify_at")).toInteger() - 60;
        l.nextUpdate = l.issuedAt + 86400;
        l.issuers.append(
            {issuerJ.value(QLatin1String("kid")).toString().toUtf8(),
             issuerJ.value(QLatin1String("iss")).toString(),
             {},
             *PublicKey::fromCoseKey(QCborMap{{1, 1}, {-1, 6}, {-2, hex(issuerJ, "public_hex")}}),
             0,
             1924992000});
        TrustStore store({{"a", anchor.publicKey()}}, {});
        QVERIFY(store.install(l.sign(anchor, "a")).hasValue());
        FixedClock clock(m_v.value(QLatin1String("verify_at")).toInteger());
        Verifier v(store, clock, nullptr, nullptr);
        const VerificationResult r = v.verifyQrText(text);
        QVERIFY2(r.valid, qPrintable(reasonName(r.reason) + r.detail));
        QCOMPARE(r.identity->name, QStringLiteral("张三"));
    }
};

QTEST_APPLESS_MAIN(TestTestVectors)
#include "tst_testvectors.moc"
