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
    void extensionsAndReservedClaims() {
        const QByteArray good = m_world.credential(m_device).toClaims();
        // The extension range is ignored by a terminal that does not know it; the reserved
        // portrait hash is read.
        auto extended = Credential::fromClaims(mutate(good, [](QCborMap& m) {
            m.insert(-66500, QStringLiteral("a later extension"));
            m.insert(claims::kPortraitHash, QByteArray(32, 'p'));
        }));
        QVERIFY2(extended.hasValue(), extended ? "" : qPrintable(extended.error()));
        QCOMPARE(extended->portraitHash, QByteArray(32, 'p'));
        QCOMPARE(Credential::fromClaims(extended->toClaims())->portraitHash, QByteArray(32, 'p'));
        // A name of 64 characters from CJK extension B (128 UTF-16 units) is 64 characters.
        auto longName = Credential::fromClaims(mutate(good, [](QCborMap& m) {
            QCborMap d = doc(m);
            d.insert(claims::doc::kName, QString::fromUcs4(std::u32string(64, U'\U00020000').data(), 64));
            m.insert(claims::kDocument, d);
        }));
        QVERIFY2(longName.hasValue(), longName ? "" : qPrintable(longName.error()));
        // A foreigner permanent residence number of 2023: 9, the province, ...
        Identity foreigner = sampleIdentity();
        foreigner.kind = DocumentKind::ForeignerPermanentResidence;
        foreigner.ethnicity = 0;
        const QString first17 = QStringLiteral("94401019491231001");
        foreigner.documentNumber = first17 + idnumber::checkCharacter(first17);
        const auto valid = validateIdentity(foreigner);
        QVERIFY2(valid.hasValue(), valid ? "" : qPrintable(valid.error()));
    }
    void presentationClaims() {
        const QByteArray cred = m_world.issue(m_world.credential(m_device), Algorithm::ES256);
        const QByteArray claimsBytes = Presentation::make(cred, kNow, 60).toClaims();
        QVERIFY(Presentation::fromClaims(claimsBytes).hasValue());
        QVERIFY(Presentation::fromClaims(mutate(claimsBytes, [](QCborMap& m) {
                    m.insert(-66001, 1);
                })).hasValue());
        const auto unknown = Presentation::fromClaims(
            mutate(claimsBytes, [](QCborMap& m) { m.insert(1, QStringLiteral("iss")); }));
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(QLatin1String("unknown claim")), qPrintable(unknown.error()));
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
        // Issue 14, the format's open rules closed (docs/credential-format.md §4a).
        row("unknown claim 99", "unknown claim", [](QCborMap& m) { m.insert(99, 1); });
        row("unknown private claim -65600", "unknown claim", [](QCborMap& m) { m.insert(-65600, 1); });
        row("text claim key", "unknown claim", [](QCborMap& m) { m.insert(QStringLiteral("iss2"), 1); });
        row("portrait hash of 31 bytes", "portrait",
            [](QCborMap& m) { m.insert(claims::kPortraitHash, QByteArray(31, 'h')); });
        row("portrait hash as text", "portrait",
            [](QCborMap& m) { m.insert(claims::kPortraitHash, QStringLiteral("h")); });
        row("cnf with a kid beside the key", "cnf", [](QCborMap& m) {
            QCborMap cnf = m.value(claims::kCnf).toMap();
            cnf.insert(3, QByteArray("kid"));
            m.insert(claims::kCnf, cnf);
        });
        row("COSE_Key with an alg", "COSE_Key", [](QCborMap& m) {
            QCborMap key = m.value(claims::kCnf).toMap().value(claims::kCnfCoseKey).toMap();
            key.insert(3, -7);
            m.insert(claims::kCnf, QCborMap{{claims::kCnfCoseKey, key}});
        });
        docRow("resident ID with a permit's 81", "province code", [](QCborMap& d) {
            const QString first17 = QStringLiteral("81000019491231001");
            d.insert(claims::doc::kNumber, first17 + idnumber::checkCharacter(first17));
        });
        docRow("residence permit with a province code", "81, 82 or 83", [](QCborMap& d) {
            d.insert(claims::doc::kKind, 2);
            d.remove(claims::doc::kEthnicity);
        });
        docRow("foreigner card without the leading 9", "begins with 9", [](QCborMap& d) {
            d.insert(claims::doc::kKind, 3);
            d.remove(claims::doc::kEthnicity);
        });
        docRow("name of 65 characters", "document claim", [](QCborMap& d) {
            d.insert(claims::doc::kName, QString::fromUcs4(std::u32string(65, U'\U00020000').data(), 65));
        });
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
