// Trust list: signed round trip, anchor pinning, tampering, and malformed payloads.
#include "TestWorld.h"
#include "codec/Cbor.h"
#include "passport/PassportIssuer.h"

#include <QCborArray>
#include <QTest>

using namespace lz;
using namespace lz::test;

namespace {
// Signs an arbitrary payload map with the world's anchor, to test the payload parser.
QByteArray signPayload(const TestWorld& w, const QCborMap& payload) {
    return CoseSign1::sign(w.anchorKey, w.anchorKid, payload.toCborValue().toCbor()).encode();
}
QCborMap payloadOf(const QByteArray& cose) {
    return cbor::decode(CoseSign1::decode(cose)->payload)->toMap();
}
} // namespace

class TestTrustList : public QObject {
    Q_OBJECT
    TestWorld m_world;

private slots:
    void roundTrip() {
        TrustList l = m_world.trustList();
        l.revokedSerials.insert(m_world.issuerCode, QByteArray::fromHex("0102030405060708aaaaaaaaaaaaaaaa"));
        passport::CertificateSpec spec;
        spec.commonName = QStringLiteral("CSCA");
        spec.notBefore = kNow - kDay;
        spec.notAfter = kNow + 3650 * kDay;
        const passport::Signer csca = passport::makeCsca(spec);
        l.cscaCertificates.append(csca.certificateDer());
        l.cscaCrls.append(passport::makeCrl(csca, {5}, kNow, kNow + kDay));
        l.demo = true;
        const auto back = TrustList::parse(m_world.signedList(l), {m_world.anchor()});
        QVERIFY2(back.hasValue(), qPrintable(back.hasValue() ? QString() : back.error()));
        QCOMPARE(back->sequence, l.sequence);
        QCOMPARE(back->issuedAt, l.issuedAt);
        QCOMPARE(back->nextUpdate, l.nextUpdate);
        QCOMPARE(back->issuers.size(), 3);
        QVERIFY(back->demo);
        QCOMPARE(back->cscaCertificates.size(), 1);
        QCOMPARE(back->cscaStore->certificateCount(), 1);
        QCOMPARE(back->cscaStore->crlCount(), 1);
        // A list whose CSCA entry is not a certificate is refused whole (it was signed, but a
        // terminal cannot half-trust it).
        l.cscaCertificates.append(QByteArray::fromHex("3082010a"));
        const auto broken = TrustList::parse(m_world.signedList(l), {m_world.anchor()});
        QVERIFY(!broken && broken.error().contains(QLatin1String("csca_malformed")));
        QVERIFY(back->isRevoked(m_world.issuerCode, QByteArray::fromHex("0102030405060708")));
        QVERIFY(!back->isRevoked(m_world.issuerCode, QByteArray::fromHex("0102030405060709")));
        QVERIFY(!back->isRevoked(QStringLiteral("OTHER"), QByteArray::fromHex("0102030405060708")));
        QCOMPARE(back->revocationCount(), std::size_t(2));
        const IssuerKey* k = back->findIssuer("issuer-SM2");
        QVERIFY(k);
        QCOMPARE(k->key.algorithm(), Algorithm::SM2);
    }
    void unknownAnchorOrForgedSignature() {
        const QByteArray list = m_world.signedList(m_world.trustList());
        TestWorld other;
        other.anchorKid = "other-anchor";
        QVERIFY(
            TrustList::parse(list, {other.anchor()}).error().contains(QLatin1String("unknown trust anchor")));
        TrustAnchor impostor{m_world.anchorKid, other.anchorKey.publicKey()}; // same kid, other key
        QVERIFY(TrustList::parse(list, {impostor}).error().contains(QLatin1String("signature")));
        QByteArray tampered = list;
        tampered[tampered.size() / 2] = char(tampered[tampered.size() / 2] ^ 0x01);
        QVERIFY(!TrustList::parse(tampered, {m_world.anchor()}).hasValue());
    }
    void malformedPayloads_data() {
        QTest::addColumn<QByteArray>("cose");
        const QCborMap good = payloadOf(m_world.signedList(m_world.trustList()));
        auto row = [&](const char* name, std::function<void(QCborMap&)> f) {
            QCborMap m = good;
            f(m);
            QTest::newRow(name) << signPayload(m_world, m);
        };
        row("format version 2", [](QCborMap& m) { m.insert(1, 2); });
        row("no sequence", [](QCborMap& m) { m.remove(2); });
        row("next update before issue", [](QCborMap& m) { m.insert(4, 5); });
        row("issuers not an array", [](QCborMap& m) { m.insert(5, 1); });
        row("issuer entry not a map", [](QCborMap& m) { m.insert(5, QCborArray{1}); });
        row("issuer key garbage", [](QCborMap& m) {
            QCborArray a = m.value(5).toArray();
            QCborMap e = a[0].toMap();
            e.insert(3, QCborMap{{1, 2}});
            a[0] = e;
            m.insert(5, a);
        });
        row("duplicate issuer kid", [](QCborMap& m) {
            QCborArray a = m.value(5).toArray();
            a.append(a[0]);
            m.insert(5, a);
        });
        row("demo flag not a bool", [](QCborMap& m) { m.insert(8, 1); });
        row("issuer key valid until before it starts", [](QCborMap& m) {
            QCborArray a = m.value(5).toArray();
            QCborMap e = a[0].toMap();
            e.insert(5, e.value(4).toInteger() - 1);
            a[0] = e;
            m.insert(5, a);
        });
        row("revocations not 8-byte aligned", [](QCborMap& m) {
            m.insert(6, QCborMap{{QStringLiteral("TEST-CTID"), QByteArray(9, 'x')}});
        });
        row("revocation key not text", [](QCborMap& m) { m.insert(6, QCborMap{{1, QByteArray(8, 'x')}}); });
        row("csca not bytes", [](QCborMap& m) { m.insert(7, QCborArray{QStringLiteral("pem?")}); });
        // Issue 14: unknown keys refused (outside the extension range), as in the credential.
        row("unknown payload key 10", [](QCborMap& m) { m.insert(10, 1); });
        row("unknown issuer entry key 7", [](QCborMap& m) {
            QCborArray a = m.value(5).toArray();
            QCborMap e = a[0].toMap();
            e.insert(7, 1);
            a[0] = e;
            m.insert(5, a);
        });
        {
            QByteArray payload = good.toCborValue().toCbor();
            payload[0] = char(0xbf); // indefinite-length map
            QTest::newRow("payload not in preferred serialization")
                << CoseSign1::sign(m_world.anchorKey, m_world.anchorKid, payload + char(0xff)).encode();
        }
        QTest::newRow("payload not a map")
            << CoseSign1::sign(m_world.anchorKey, m_world.anchorKid, QByteArray::fromHex("01")).encode();
        QTest::newRow("not COSE") << QByteArray("hello");
        // fuzz_trust_list found this payload: a malformed value inside the map used to be
        // inserted half-parsed, which crashed QCborMap (Qt 6.4).
        QTest::newRow("fuzz regression: half-parsed value")
            << CoseSign1::sign(
                   m_world.anchorKey, m_world.anchorKid,
                   QByteArray::fromHex(
                       "a70101022f03031a6aa1f940041a6aa34ac06582a601416b026446555a5a03a401022001215820a200ccf"
                       "5e478a107c2dd5e643ad0c646ae9c668079ded27eb727fa47ee8bf53f22f40400051a6b49d200066b4675"
                       "7a7a20697373756572a5014173026446555a5a03a40102203a00010000215820f72ba3e21d2f1c3304a36"
                       "ef90c408f73f74789ace6342174d86a5b4665964d1422f404000500000000000000181a6b49d20006a164"
                       "46555a5a500102030405060708a1a2a3a4a5a6a7a80781453003020101"))
                   .encode();
    }
    void extensionKeysAreIgnored() {
        QCborMap m = payloadOf(m_world.signedList(m_world.trustList()));
        m.insert(-66500, QStringLiteral("a later extension"));
        QCborArray a = m.value(5).toArray();
        QCborMap e = a[0].toMap();
        e.insert(-66001, 1);
        a[0] = e;
        m.insert(5, a);
        const auto r = TrustList::parse(signPayload(m_world, m), {m_world.anchor()});
        QVERIFY2(r.hasValue(), r ? "" : qPrintable(r.error()));
    }
    void malformedPayloads() {
        QFETCH(QByteArray, cose);
        const auto r = TrustList::parse(cose, {m_world.anchor()});
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().startsWith(QLatin1String("trust list:")));
    }
};

QTEST_APPLESS_MAIN(TestTrustList)
#include "tst_trustlist.moc"
