// Issue 14, finding 8: the one masking rule (core/credential/Masking.h) leaves at least 10,000
// GB 11643 numbers possible in every masked output form of core — the display JSON, a verdict's
// JSON, the CSV export — for adults and minors, men and women, and the 29 February case.
#include "MaskingAudit.h"
#include "TestWorld.h"
#include "credential/IdentityJson.h"
#include "credential/Masking.h"
#include "log/LogExport.h"
#include "verify/VerificationResult.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace lz;
using namespace lz::test;

namespace {
Identity person(const QString& first17, Sex sex) {
    Identity id = sampleIdentity();
    id.documentNumber = first17 + idnumber::checkCharacter(first17);
    id.birthDate = QDate::fromString(first17.mid(6, 8), QStringLiteral("yyyyMMdd"));
    id.sex = sex;
    return id;
}
} // namespace

class TestMasking : public QObject {
    Q_OBJECT
private slots:
    void numbers() {
        QCOMPARE(masking::documentNumber(u"440106199003071231"), QStringLiteral("44**************31"));
        QCOMPARE(masking::documentNumber(u"81000019900307123X"), QStringLiteral("81**************3X"));
        QCOMPARE(masking::documentNumber(u"H12345678"), QStringLiteral("H1*****78"));
        QCOMPARE(masking::documentNumber(u"L898902C3"), QStringLiteral("L8*****C3"));
        QCOMPARE(masking::documentNumber(u"1234"), QStringLiteral("****"));
    }
    void adulthood() {
        QVERIFY(masking::isAdult(QDate(2000, 3, 7), QDate(2018, 3, 7)));
        QVERIFY(!masking::isAdult(QDate(2000, 3, 7), QDate(2018, 3, 6)));
        QVERIFY(!masking::isAdult(QDate(2008, 2, 29), QDate(2026, 2, 28))); // 18 on 1 March 2026
        QVERIFY(masking::isAdult(QDate(2008, 2, 29), QDate(2026, 3, 1)));
        QVERIFY(masking::isAdult(QDate(2004, 2, 29), QDate(2022, 2, 28)) == false);
        QVERIFY(!masking::isAdult(QDate(), QDate(2026, 1, 1)));
    }
    void theOldMaskLeftAHandful() {
        // What the review saw: 1101**********0011 beside 1949-12-31 leaves a handful of numbers.
        const Identity id = sampleIdentity();
        const QString shown = QStringLiteral("1101**********0011 1949-12-31");
        QVERIFY(possibleNumbers(shown, id.documentNumber, id.birthDate, true, true, QDate(2026, 12, 4)) < 10);
    }
    void everyOutputForm_data() {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<int>("sex");
        QTest::addColumn<QDate>("on");
        QTest::newRow("adult man") << QStringLiteral("11010519491231001") << int(Sex::Male)
                                   << QDate(2026, 12, 4);
        QTest::newRow("adult woman") << QStringLiteral("44010619900307122") << int(Sex::Female)
                                     << QDate(2026, 12, 4);
        QTest::newRow("minor") << QStringLiteral("44010620120607123") << int(Sex::Male) << QDate(2026, 12, 4);
        QTest::newRow("18 today") << QStringLiteral("44010620081204124") << int(Sex::Female)
                                  << QDate(2026, 12, 4);
        QTest::newRow("born 29 February")
            << QStringLiteral("44010620080229125") << int(Sex::Male) << QDate(2026, 2, 28);
        QTest::newRow("Hong Kong resident permit")
            << QStringLiteral("81000019850615002") << int(Sex::Female) << QDate(2026, 12, 4);
    }
    void everyOutputForm() {
        QFETCH(QString, first17);
        QFETCH(int, sex);
        QFETCH(QDate, on);
        const Identity id = person(first17, Sex(sex));
        const bool adult = masking::isAdult(id.birthDate, on);
        auto audit = [&](const char* form, const QString& shown) {
            const int n =
                possibleNumbers(shown, id.documentNumber, id.birthDate, id.sex == Sex::Male, adult, on);
            QVERIFY2(n >= kMinimumCandidates, qPrintable(QStringLiteral("%1 leaves only %2 numbers: %3")
                                                             .arg(QLatin1String(form))
                                                             .arg(n)
                                                             .arg(shown)));
        };
        audit("display JSON",
              QString::fromUtf8(QJsonDocument(identityToDisplayJson(id, false, on)).toJson()));

        VerificationResult r;
        r.valid = true;
        r.reason = Reason::None;
        r.identity = id;
        r.checkedAt = QDateTime(on, QTime(12, 0)).toSecsSinceEpoch();
        audit("verdict JSON", QString::fromUtf8(QJsonDocument(r.toJson()).toJson()));

        Registration reg;
        reg.identity = id;
        reg.kind = RecordKind::Registration;
        reg.valid = true;
        reg.createdAtMs = QDateTime(on, QTime(12, 0)).toMSecsSinceEpoch();
        reg.utcOffsetS = QDateTime(on, QTime(12, 0)).offsetFromUtc();
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        writeRegistrationsCsv(csv, {reg}, false);
        // The record id (random hex) is not part of what is shown of the person.
        const QString row =
            QString::fromUtf8(csv.data()).section(QLatin1Char('\n'), 1).section(QLatin1Char(','), 1);
        audit("CSV export", row);
        QVERIFY(row.contains(adult ? QLatin1String(",yes,") : QLatin1String(",no,")));

        // Unmasked outputs are unmasked (staff asked, with a reason): the full number is there.
        QVERIFY(
            QJsonDocument(identityToDisplayJson(id, true, on)).toJson().contains(id.documentNumber.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
