// The issuer credential's claims: round trip, and every malformed-input class the parser must
// name (wrong types, missing claims, oversized fields, inconsistent identity).
#include "TestWorld.h"
#include "codec/Cbor.h"
#include "credential/Claims.h"
#include "credential/IdNumber.h"

#include <QTest>

using namespace lz;
using namespace lz::test;

namespace {
// Re-encodes the claims of a valid credential with one change applied to the map.
QByteArray mutate(const QByteArray& claims, const std::function<void(QCborMap&)>& change) {
    QCborMap m = cbor::decode(claims)->toMap();
    change(m);
    return m.toCborValue().toCbor();
}
QCborMap doc(const QCborMap& m) {
    return m.value(claims::kDocument).toMap();
}
} // namespace

class TestCredential : public QObject {
    Q_OBJECT
    PrivateKey m_device = PrivateKey::generate(Algorithm::ES256);
    TestWorld m_world;

private slots:
    void roundTrip() {
        const Credential c = m_world.credential(m_device);
        const auto back = Credential::fromClaims(c.toClaims());
        QVERIFY2(back.hasValue(), qPrintable(back.hasValue() ? QString() : back.error()));
        QCOMPARE(back->identity, c.identity);
        QCOMPARE(back->id, c.id);
        QCOMPARE(back->issuer, c.issuer);
        QCOMPARE(back->expiresAt, c.expiresAt);
        QCOMPARE(back->holderKey.fingerprint(), m_device.publicKey().fingerprint());
    }
    void everyDocumentKind() {
        Identity permit = sampleIdentity();
        permit.kind = DocumentKind::TravelPermit;
        permit.documentNumber = QStringLiteral("H1234567801");
        permit.ethnicity = 0;
        QVERIFY(validateIdentity(permit).hasValue());
        permit.documentNumber = QStringLiteral("X123");
        QVERIFY(!validateIdentity(permit).hasValue());
        Identity residence = sampleIdentity();
        residence.kind = DocumentKind::ResidencePermit;
        residence.ethnicity = 0;
        const QString first17 = QStringLiteral("81000019491231001"); // Hong Kong residence permit
        residence.documentNumber = first17 + idnumber::checkCharacter(first17);
        QVERIFY(validateIdentity(residence).hasValue());
    }
    void malformedClaims_data() {
        QTest::addColumn<QByteArray>("claims");
        QTest::addColumn<QString>("expect");
        const QByteArray good = m_world.credential(m_device).toClaims();
        auto row = [&](const char* name, const char* expect, std::function<void(QCborMap&)> f) {
            QTest::newRow(name) << mutate(good, f) << QString::fromLatin1(expect);
        };
        auto docRow = [&](const char* name, const char* expect, std::function<void(QCborMap&)> f) {
            row(name, expect, [f](QCborMap& m) {
                QCborMap d = doc(m);
                f(d);
                m.insert(claims::kDocument, d);
            });
        };
        row("iss missing", "iss", [](QCborMap& m) { m.remove(claims::kIss); });
        row("iss is a number", "iss", [](QCborMap& m) { m.insert(claims::kIss, 5); });
        row("cti wrong size", "cti", [](QCborMap& m) { m.insert(claims::kCti, QByteArray(9, 'x')); });
        row("exp is a float", "floating-point", [](QCborMap& m) { m.insert(claims::kExp, 1.5e9); });
        row("exp before nbf", "exp", [](QCborMap& m) { m.insert(claims::kExp, 10); });
        row("exp beyond year 9999", "exp", [](QCborMap& m) { m.insert(claims::kExp, qint64(1) << 40); });
        row("negative iat", "iat", [](QCborMap& m) { m.insert(claims::kIat, -5); });
        row("cnf missing", "cnf", [](QCborMap& m) { m.remove(claims::kCnf); });
        row("cnf key garbage", "COSE_Key", [](QCborMap& m) {
            m.insert(claims::kCnf, QCborMap{{claims::kCnfCoseKey, QCborMap{{1, 2}}}});
        });
        row("document missing", "document", [](QCborMap& m) { m.remove(claims::kDocument); });
        docRow("name missing", "document claim", [](QCborMap& d) { d.remove(claims::doc::kName); });
        docRow("name oversized", "document claim",
               [](QCborMap& d) { d.insert(claims::doc::kName, QString(65, QChar(u'张'))); });
        docRow("sex 3", "document claim", [](QCborMap& d) { d.insert(claims::doc::kSex, 3); });
        docRow("kind 9", "document claim", [](QCborMap& d) { d.insert(claims::doc::kKind, 9); });
        docRow("birth date garbage", "birth date",
               [](QCborMap& d) { d.insert(claims::doc::kBirthDate, QStringLiteral("1949-13-45")); });
        docRow("birth date with slashes", "birth date",
               [](QCborMap& d) { d.insert(claims::doc::kBirthDate, QStringLiteral("1949/12/31")); });
        docRow("birth date differs from number", "birth date",
               [](QCborMap& d) { d.insert(claims::doc::kBirthDate, QStringLiteral("1950-01-01")); });
        docRow("bad check digit", "check character",
               [](QCborMap& d) { d.insert(claims::doc::kNumber, QStringLiteral("110105194912310012")); });
        docRow("sex contradicts number", "sex", [](QCborMap& d) { d.insert(claims::doc::kSex, 2); });
        docRow("ethnicity 77", "ethnicity", [](QCborMap& d) { d.insert(claims::doc::kEthnicity, 77); });
        docRow("address oversized", "address",
               [](QCborMap& d) { d.insert(claims::doc::kAddress, QString(129, QChar(u'路'))); });
        docRow("full level without address", "address", [](QCborMap& d) { d.remove(claims::doc::kAddress); });
        docRow("light level with address", "light", [](QCborMap& d) { d.insert(claims::doc::kLevel, 1); });
        docRow("unknown document claim", "unknown", [](QCborMap& d) { d.insert(42, 1); });
    }
    void malformedClaims() {
        QFETCH(QByteArray, claims);
        QFETCH(QString, expect);
        const auto c = Credential::fromClaims(claims);
        QVERIFY(!c.hasValue());
        QVERIFY2(c.error().contains(expect, Qt::CaseInsensitive), qPrintable(c.error()));
    }
    void notAMap() {
        QVERIFY(!Credential::fromClaims(QByteArray::fromHex("83010203")).hasValue());
        QVERIFY(!Credential::fromClaims(QByteArray::fromHex("a201020103")).hasValue()); // duplicate keys
        QVERIFY(!Credential::fromClaims(QByteArray()).hasValue());
    }
};

QTEST_APPLESS_MAIN(TestCredential)
#include "tst_credential.moc"
