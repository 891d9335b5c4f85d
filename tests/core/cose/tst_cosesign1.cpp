// COSE_Sign1 against the COSE working group's published examples (github.com/cose-wg/Examples:
// ecdsa-examples/ecdsa-sig-01.json, eddsa-examples/eddsa-sig-01.json, sign1-tests/sign-fail-02.json,
// sign1-tests/sign-pass-02.json), and our own sign/verify for each algorithm.
#include "cose/CoseSign1.h"

#include <QCborArray>
#include <QTest>

using namespace lz;

namespace {

// P-256 key "11" of the COSE examples.
const QByteArray kP256X =
    QByteArray::fromHex("bac5b11cad8f99f9c72b05cf4b9e26d244dc189f745228255a219a86d6a09eff");
const QByteArray kP256Y =
    QByteArray::fromHex("20138bf82dc1b6d562be0fa54ab7804a3a64b6d72ccfed6b6fb6ed28bbfc117e");
// Ed25519 key "11" of the COSE examples (the RFC 8032 test 1 key).
const QByteArray kEdX =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

PublicKey p256() {
    QCborMap k{{1, 2}, {-1, 1}, {-2, kP256X}, {-3, kP256Y}};
    return *PublicKey::fromCoseKey(k);
}

PublicKey ed25519() {
    return *PublicKey::fromCoseKey(QCborMap{{1, 1}, {-1, 6}, {-2, kEdX}});
}

} // namespace

class TestCoseSign1 : public QObject {
    Q_OBJECT
private slots:
    void es256Example() {
        // ecdsa-sig-01: protected {1:-7, 3:0}, unprotected {4:"11"}, payload "This is the content."
        const auto s =
            CoseSign1::parse(QByteArray::fromHex("D28445A201260300A10442313154546869732069732074686520636F6E"
                                                 "74656E742E5840EAE868ECC176883766C5DC5BA5B8"
                                                 "DCA25DAB3C2E56A551CE5705B793914348E172727F48461FABBBA2E343"
                                                 "492DDECAC3983686250BC68E9F1A7A07D41225B5"
                                                 "9F"));
        QVERIFY(s.hasValue());
        QCOMPARE(s->payload, QByteArray("This is the content."));
        QCOMPARE(s->unprotectedHeader.value(CoseSign1::kHeaderKid).toByteArray(), QByteArray("11"));
        QVERIFY(s->keyId().isEmpty()); // we trust only a protected kid
        QCOMPARE(s->algorithmId().value(), cose::kAlgES256);
        QCOMPARE(
            s->toBeSigned().toHex().toUpper(),
            QByteArray("846A5369676E61747572653145A2012603004054546869732069732074686520636F6E74656E742E"));
        QVERIFY(s->verify(p256()));
        // The same key must not verify with an Ed25519 key or a flipped signature byte.
        QVERIFY(!s->verify(ed25519()));
        CoseSign1 t = *s;
        t.signature[10] = char(t.signature[10] ^ 1);
        QVERIFY(!t.verify(p256()));
    }
    void es256WithExternalAad() {
        // sign-pass-02: external AAD 11aa22bb33cc44dd55006699.
        const auto s =
            CoseSign1::parse(QByteArray::fromHex("D28443A10126A10442313154546869732069732074686520636F6E7465"
                                                 "6E742E5840EAE868ECC176883766C5DC5BA5B8DCA2"
                                                 "5DAB3C2E56A551CE5705B793914348E155388B10C4F1B59A6733EAB416"
                                                 "870A945111A4B2FBDBEF33A77234B1DEFF2F9B"));
        QVERIFY(s.hasValue());
        const QByteArray aad = QByteArray::fromHex("11aa22bb33cc44dd55006699");
        QCOMPARE(
            s->toBeSigned(aad).toHex().toUpper(),
            QByteArray("846A5369676E61747572653143A101264C11AA22BB33CC44DD5500669954546869732069732074686520"
                       "636F6E74656E742E"));
        QVERIFY(s->verify(p256(), aad));
        QVERIFY(!s->verify(p256()));
    }
    void eddsaExample() {
        // eddsa-sig-01: Ed25519 signatures are deterministic, so we can re-derive it byte for byte
        // from the published private key too.
        const QByteArray cbor = QByteArray::fromHex("D28445A201270300A10442313154546869732069732074686520636F"
                                                    "6E74656E742E58407142FD2FF96D56DB85BEE905A76B"
                                                    "A1D0B7321A95C8C4D3607C5781932B7AFB8711497DFA751BF40B58B3"
                                                    "BCC32300B1487F3DB34085EEF013BF08F4A44D6FEF"
                                                    "0D");
        const auto s = CoseSign1::parse(cbor);
        QVERIFY(s.hasValue());
        QCOMPARE(s->algorithmId().value(), cose::kAlgEdDSA);
        QVERIFY(s->verify(ed25519()));
        QVERIFY(!s->verify(p256()));
    }
    void failExampleChangedPayload() {
        // sign-fail-02: the last payload byte was changed after signing.
        const auto s =
            CoseSign1::parse(QByteArray::fromHex("D28443A10126A10442313154546869732069732074686520636F6E7465"
                                                 "6E742F5840EAE868ECC176883766C5DC5BA5B8DCA2"
                                                 "5DAB3C2E56A551CE5705B793914348E19F43D6C6BA654472DA301B645B"
                                                 "293C9BA939295B97C4BDB847782BFF384C5794"));
        QVERIFY(s.hasValue());
        QVERIFY(!s->verify(p256()));
    }
    void signAndVerifyEachAlgorithm_data() {
        QTest::addColumn<int>("alg");
        QTest::newRow("ES256") << int(Algorithm::ES256);
        QTest::newRow("EdDSA") << int(Algorithm::EdDSA);
        QTest::newRow("SM2") << int(Algorithm::SM2);
    }
    void signAndVerifyEachAlgorithm() {
        QFETCH(int, alg);
        const PrivateKey key = PrivateKey::generate(Algorithm(alg));
        const CoseSign1 s = CoseSign1::sign(key, "kid-1", "payload");
        QCOMPARE(s.signature.size(), 64);
        const auto back = CoseSign1::decode(s.encode());
        QVERIFY(back.hasValue());
        QCOMPARE(back->keyId(), QByteArray("kid-1"));
        QVERIFY(back->verify(key.publicKey()));
        QVERIFY(!back->verify(PrivateKey::generate(Algorithm(alg)).publicKey()));
        CoseSign1 t = *back;
        t.payload = "payloaD";
        QVERIFY(!t.verify(key.publicKey()));
    }
    void rejectsMalformed_data() {
        QTest::addColumn<QByteArray>("cbor");
        QTest::newRow("not an array") << QByteArray::fromHex("a0");
        QTest::newRow("array of 3") << QByteArray::fromHex("83404040");
        QTest::newRow("wrong tag 998") << QByteArray::fromHex("d903e684404040 40").replace(' ', "");
        QTest::newRow("nil payload (detached)") << QByteArray::fromHex("8440a0f640");
        QTest::newRow("unprotected not a map") << QByteArray::fromHex("84404040 40").replace(' ', "");
        QTest::newRow("protected not a map") << QByteArray::fromHex("844101a04040");
        QTest::newRow("duplicate protected label") << QByteArray::fromHex("8445a201260126a04040");
        QTest::newRow("label in both buckets") << QByteArray::fromHex("8443a10126a101264040");
        QTest::newRow("trailing garbage") << QByteArray::fromHex("8440a0404000");
        QTest::newRow("truncated") << QByteArray::fromHex("8440a040");
    }
    void rejectsMalformed() {
        QFETCH(QByteArray, cbor);
        QVERIFY(!CoseSign1::decode(cbor).hasValue());
    }
    // Issue 14: the envelope is strict (docs/credential-format.md §2); each rule refuses by name.
    void strictEnvelope_data() {
        QTest::addColumn<QByteArray>("cbor");
        QTest::addColumn<int>("kidRule");
        QTest::addColumn<QString>("expect");
        const PrivateKey key = PrivateKey::generate(Algorithm::ES256);
        const CoseSign1 good = CoseSign1::sign(key, "kid-1", "payload");
        const int required = int(CoseSign1::KidRule::Required),
                  forbidden = int(CoseSign1::KidRule::Forbidden);
        auto withHeader = [&](const QCborMap& protectedHeader, const QCborMap& unprotected = {}) {
            CoseSign1 t = good;
            t.protectedBytes = protectedHeader.toCborValue().toCbor();
            t.unprotectedHeader = unprotected;
            return t.encode();
        };
        QTest::newRow("good") << good.encode() << required << QString();
        QTest::newRow("untagged") << good.encode().mid(1) << required << QStringLiteral("tag 18");
        QTest::newRow("unprotected junk")
            << withHeader(good.protectedHeader, QCborMap{{99, QStringLiteral("junk")}}) << required
            << QStringLiteral("unprotected header must be empty");
        QTest::newRow("unprotected kid") << withHeader(QCborMap{{1, -7}}, QCborMap{{4, QByteArray("kid-1")}})
                                         << required << QStringLiteral("unprotected header must be empty");
        QTest::newRow("unknown crit label")
            << withHeader(QCborMap{{1, -7}, {4, QByteArray("kid-1")}, {2, QCborArray{77}}, {77, 1}})
            << required << QStringLiteral("critical");
        QTest::newRow("content type") << withHeader(QCborMap{{1, -7}, {4, QByteArray("kid-1")}, {3, 60}})
                                      << required << QStringLiteral("parameter 3 is not allowed");
        QTest::newRow("alg missing") << withHeader(QCborMap{{4, QByteArray("kid-1")}}) << required
                                     << QStringLiteral("alg");
        QTest::newRow("alg unsupported (ES384)")
            << withHeader(QCborMap{{1, -35}, {4, QByteArray("kid-1")}}) << required << QStringLiteral("alg");
        QTest::newRow("alg as text") << withHeader(
                                            QCborMap{{1, QStringLiteral("ES256")}, {4, QByteArray("kid-1")}})
                                     << required << QStringLiteral("alg");
        QTest::newRow("alg only in unprotected")
            << withHeader(QCborMap{{4, QByteArray("kid-1")}}, QCborMap{{1, -7}}) << required
            << QStringLiteral("unprotected header must be empty");
        QTest::newRow("kid missing") << withHeader(QCborMap{{1, -7}}) << required
                                     << QStringLiteral("kid must be");
        QTest::newRow("kid as text") << withHeader(QCborMap{{1, -7}, {4, QStringLiteral("kid-1")}})
                                     << required << QStringLiteral("kid must be");
        QTest::newRow("kid of 33 bytes") << withHeader(QCborMap{{1, -7}, {4, QByteArray(33, 'k')}})
                                         << required << QStringLiteral("kid must be");
        QTest::newRow("kid on a presentation")
            << good.encode() << forbidden << QStringLiteral("kid is not allowed");
        CoseSign1 shortSig = good;
        shortSig.signature.chop(1);
        QTest::newRow("63-byte signature") << shortSig.encode() << required << QStringLiteral("64 bytes");
        CoseSign1 longSig = good;
        longSig.signature.append('\0');
        QTest::newRow("65-byte signature") << longSig.encode() << required << QStringLiteral("64 bytes");
        // The array's head 0x84 written the long way (0x98 0x04): not preferred serialization.
        QByteArray longHead = good.encode();
        longHead.replace(1, 1, QByteArray::fromHex("9804"));
        QTest::newRow("non-preferred head") << longHead << required << QStringLiteral("shortest form");
        QByteArray indefinite = good.encode();
        indefinite.replace(1, 1, QByteArray::fromHex("9f"));
        indefinite.append(char(0xff));
        QTest::newRow("indefinite array") << indefinite << required << QStringLiteral("indefinite");
        QTest::newRow("trailing byte") << good.encode() + '\0' << required << QStringLiteral("trailing");
        QTest::newRow("tag 18 twice")
            << QByteArray::fromHex("d2") + good.encode() << required << QStringLiteral("tag not allowed");
    }
    void strictEnvelope() {
        QFETCH(QByteArray, cbor);
        QFETCH(int, kidRule);
        QFETCH(QString, expect);
        const auto s = CoseSign1::decode(cbor, CoseSign1::KidRule(kidRule));
        if (expect.isEmpty()) {
            QVERIFY2(s.hasValue(), s ? "" : qPrintable(s.error()));
            return;
        }
        QVERIFY(!s.hasValue());
        QVERIFY2(s.error().contains(expect), qPrintable(s.error()));
    }
    void algMismatchFailsVerification() {
        // A signature whose header claims EdDSA must not be checked with an ES256 key.
        const PrivateKey es = PrivateKey::generate(Algorithm::ES256);
        CoseSign1 s = CoseSign1::sign(es, {}, "x");
        s.protectedHeader.insert(CoseSign1::kHeaderAlg, cose::kAlgEdDSA);
        s.protectedBytes = s.protectedHeader.toCborValue().toCbor();
        QVERIFY(!s.verify(es.publicKey()));
    }
};

QTEST_APPLESS_MAIN(TestCoseSign1)
#include "tst_cosesign1.moc"
