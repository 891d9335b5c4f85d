// GB 11643-1999 citizen identification numbers: the standard's own examples, the check
// character rule (ISO 7064 MOD 11-2), birth date and region checks, and masking.
#include "credential/IdNumber.h"

#include <QTest>

using namespace lz;

class TestIdNumber : public QObject {
    Q_OBJECT
private slots:
    void standardExamples() {
        // The examples printed in GB 11643-1999: 11010519491231002X and 440524188001010014.
        QCOMPARE(idnumber::checkCharacter(u"11010519491231002"), QLatin1Char('X'));
        QCOMPARE(idnumber::checkCharacter(u"44052418800101001"), QLatin1Char('4'));
        const auto a = idnumber::parse(u"11010519491231002X");
        QVERIFY(a.hasValue());
        QCOMPARE(a->birthDate, QDate(1949, 12, 31));
        QCOMPARE(a->male, false); // sequence 002 is even
        QCOMPARE(a->region, QStringLiteral("110105"));
        const auto b = idnumber::parse(u"440524188001010014");
        QVERIFY(b.hasValue());
        QCOMPARE(b->birthDate, QDate(1880, 1, 1));
        QCOMPARE(b->male, true);
    }
    void everyCheckCharacter() {
        // Vary the sequence code until each of the 11 check characters has been produced.
        QSet<QChar> seen;
        for (int seq = 0; seq < 200; ++seq) {
            const QString first17 =
                QStringLiteral("11010519800101") + QString::number(seq).rightJustified(3, '0');
            const QChar c = idnumber::checkCharacter(first17);
            seen.insert(c);
            QVERIFY(idnumber::parse(first17 + c).hasValue());
            const QChar wrong = c == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
            QVERIFY(!idnumber::parse(first17 + wrong).hasValue());
        }
        QCOMPARE(seen.size(), 11);
    }
    void rejects_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("short") << QStringLiteral("11010519491231002");
        QTest::newRow("long") << QStringLiteral("11010519491231002X1");
        QTest::newRow("lowercase x") << QStringLiteral("11010519491231002x");
        QTest::newRow("letters") << QStringLiteral("1101051949123100AX");
        QTest::newRow("fullwidth digit") << QStringLiteral("１1010519491231002X");
        QTest::newRow("bad check") << QStringLiteral("110105194912310021");
        QTest::newRow("unknown province 99")
            << QString(QStringLiteral("99010519491231002") + idnumber::checkCharacter(u"99010519491231002"));
        QTest::newRow("Feb 30") << QString(QStringLiteral("11010519490230002") +
                                           idnumber::checkCharacter(u"11010519490230002"));
    }
    void rejects() {
        QFETCH(QString, id);
        QVERIFY(!idnumber::parse(id).hasValue());
    }
    void foreignerPermanentResidence() {
        // 2023 format: 9, issuing province (11 = Beijing), nationality code, birth date, ...
        const QString first17 = QStringLiteral("91115619850615003");
        const auto p = idnumber::parse(first17 + idnumber::checkCharacter(first17));
        QVERIFY(p.hasValue());
        QCOMPARE(p->birthDate, QDate(1985, 6, 15));
    }
};

QTEST_APPLESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
