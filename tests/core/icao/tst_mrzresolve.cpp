// resolveMrz: per-position candidates to one MRZ, check digits deciding. The MRZs are ICAO Doc
// 9303's own specimens (Part 11 Appendix D, TD3; Part 5, TD1).
#include "icao/MrzResolve.h"

#include <QTest>

using namespace lz::icao;

namespace {
const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                                    "L898902C<3UTO6908061F9406236ZE184226B<<<<<14");
const QString kTd1 = QStringLiteral("I<UTOD23145890<7349<<<<<<<<<<<"
                                    "3407127M9507122UTO<<<<<<<<<<<2"
                                    "STEVENSON<<PETER<JOHN<<<<<<<<<");

// Every position certain: the text's own character at 0.9.
std::vector<MrzCell> certain(const QString& text) {
    std::vector<MrzCell> cells;
    for (QChar c : text)
        cells.push_back({{char(c.unicode()), 0.9f}});
    return cells;
}
// Position `line2pos` of TD3's second line.
int td3Line2(int pos) {
    return 44 + pos;
}
} // namespace

class TestMrzResolve : public QObject {
    Q_OBJECT
private slots:
    void certainCellsGiveTheText() {
        auto r = resolveMrz(Mrz::Format::TD3, certain(kTd3));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().code));
        QCOMPARE(r->text, kTd3.left(44) + QLatin1Char('\n') + kTd3.mid(44));
        QCOMPARE(r->combinations, 1);
        QCOMPARE(r->mrz.key.documentNumber, QStringLiteral("L898902C"));
        QCOMPARE(r->mrz.key.birthDate, QStringLiteral("690806"));

        auto td1 = resolveMrz(Mrz::Format::TD1, certain(kTd1));
        QVERIFY(td1);
        QCOMPARE(td1->mrz.key.documentNumber, QStringLiteral("D23145890734"));
        QCOMPARE(td1->mrz.surname, QStringLiteral("STEVENSON"));
    }

    void theCheckDigitCorrectsTheBestScore() {
        // Birth date 690806: the recogniser prefers '5' for the '6', narrowly; only '6' passes.
        auto cells = certain(kTd3);
        cells[td3Line2(18)] = {{'5', 0.82f}, {'6', 0.80f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(r);
        QCOMPARE(r->mrz.key.birthDate, QStringLiteral("690806"));
        QCOMPARE(r->combinations, 2);
    }

    void aFieldAllowsOnlyItsCharacters() {
        // A date is digits: a confident 'O' there is not a reading; the '0' behind it is.
        auto cells = certain(kTd3);
        cells[td3Line2(15)] = {{'O', 0.95f}, {'0', 0.70f}};
        // A name is letters and fillers: a '1' there is dropped for the 'I'.
        cells[7] = {{'1', 0.9f}, {'I', 0.7f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(r);
        QCOMPARE(r->mrz.key.birthDate, QStringLiteral("690806"));
        QCOMPARE(r->mrz.surname, QStringLiteral("ERIKSSON"));
    }

    void theCheckDigitsBlindSpotIsRefusedNotGuessed() {
        // '<' and 'K' have the same value (0) under every weight: both pass every check digit.
        auto cells = certain(kTd3);
        cells[td3Line2(8)] = {{'<', 0.80f}, {'K', 0.78f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_ambiguous"));
        // ... unless the recogniser is clear about it (beyond delta).
        cells[td3Line2(8)] = {{'<', 0.85f}, {'K', 0.60f}};
        QVERIFY(resolveMrz(Mrz::Format::TD3, cells));
    }

    void namesTakeTheBestReading() {
        auto cells = certain(kTd3);
        cells[13] = {{'K', 0.70f}, {'<', 0.69f}}; // ERIKSSON<<...: position 13 is '<'
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(r);
        QCOMPARE(r->combinations, 1); // no check digit covers a name: nothing to try
        QVERIFY(r->text.startsWith(QStringLiteral("P<UTOERIKSSONK")));
    }

    void unreadableAndWrongCellsAreNamed() {
        auto cells = certain(kTd3);
        cells[td3Line2(3)] = {{'9', 0.30f}}; // below minScore: no reading of a covered position
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_unreadable"));

        cells = certain(kTd3);
        cells[td3Line2(15)] = {{'1', 0.9f}}; // 691806: only a wrong reading
        r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_check_birth_date"));

        cells = certain(kTd3);
        for (int pos : {28, 29, 30, 31, 32, 33, 34, 35, 36, 37})
            cells[td3Line2(pos)] = {{'A', 0.9f}, {'4', 0.9f}, {'B', 0.9f}};
        r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(r); // 3^10 combinations of the optional data: too many, but the key is certain
        QVERIFY(r->keyOnly);
        QVERIFY(r->text.isEmpty());
        QCOMPARE(r->mrz.key.documentNumber, QStringLiteral("L898902C"));

        cells = certain(kTd3);
        for (int pos = 0; pos < 9; ++pos)
            cells[td3Line2(pos)] = {{'A', 0.9f}, {'4', 0.9f}, {'B', 0.9f}};
        r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_unreadable")); // 3^9 combinations of the number

        r = resolveMrz(Mrz::Format::TD2, certain(kTd3));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_format"));
        r = resolveMrz(Mrz::Format::TD3, {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_format"));
    }

    void aReflectionOverTheFillersLeavesTheKey() {
        // The personal number's fillers and the composite washed out: the key's own check
        // digits still hold, so the key (and only the key) is given.
        auto cells = certain(kTd3);
        for (int pos = 38; pos <= 43; ++pos)
            cells[td3Line2(pos)] = {{'<', 0.2f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(r);
        QVERIFY(r->keyOnly);
        QCOMPARE(r->mrz.key.documentNumber, QStringLiteral("L898902C"));
        QCOMPARE(r->mrz.key.birthDate, QStringLiteral("690806"));
        QCOMPARE(r->mrz.key.expiryDate, QStringLiteral("940623"));
        // Not when the reflection is over the key.
        cells[td3Line2(16)] = {{'8', 0.2f}};
        r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_unreadable"));
    }

    void aLookAlikeNeedsAClearMargin() {
        // Document number L898902C<: the '8' at position 2 against an 'S' 0.08 behind. Beyond
        // delta, but S and 8 have the same check value: both pass, so it is refused.
        auto cells = certain(kTd3);
        cells[td3Line2(3)] = {{'8', 0.80f}, {'S', 0.72f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_ambiguous"));
        // A different-valued runner-up the same distance behind is simply not the reading.
        cells[td3Line2(3)] = {{'8', 0.80f}, {'B', 0.72f}};
        QVERIFY(resolveMrz(Mrz::Format::TD3, cells));
    }

    void aWhollyUncertainZoneEndsAtOnce() {
        // Regression: three choices at each of the 40 covered positions is 3^40 combinations,
        // more than a long long holds; the count wrapped negative and the enumeration ran "for
        // ever" (the reader's thread hung). Now: refused at once.
        std::vector<MrzCell> cells;
        for (int i = 0; i < 88; ++i)
            cells.push_back({{'A', 0.9f}, {'4', 0.9f}, {'B', 0.9f}});
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_unreadable"));
    }

    void aLookAlikeIsNeverTrimmedAway() {
        // S, B and 5 fill the three places; the 8 (S's check value) 0.08 behind S must not be
        // dropped by the cap, leaving S unchallenged: the position has no reading instead.
        auto cells = certain(kTd3);
        cells[td3Line2(3)] = {{'S', 0.80f}, {'B', 0.79f}, {'5', 0.78f}, {'8', 0.72f}};
        auto r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        // A look-alike of a runner-up counts too: B best, 8 within delta, S (8's value) 0.06
        // behind the 8.
        cells[td3Line2(3)] = {{'B', 0.80f}, {'8', 0.79f}, {'S', 0.73f}};
        r = resolveMrz(Mrz::Format::TD3, cells);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("mrz_ambiguous"));
    }

    void everySingleDigitErrorInADateIsCaught() {
        // A one-position misreading of a digit-only field never passes: every weight is coprime
        // with 10, so the check digit changes.
        for (int pos = 13; pos <= 27; ++pos) {
            if (pos == 20)
                continue; // sex
            const char truth = char(kTd3[44 + pos].unicode());
            for (char wrong = '0'; wrong <= '9'; ++wrong) {
                if (wrong == truth)
                    continue;
                auto cells = certain(kTd3);
                cells[td3Line2(pos)] = {{wrong, 0.9f}};
                QVERIFY2(!resolveMrz(Mrz::Format::TD3, cells),
                         qPrintable(QStringLiteral("%1 at %2").arg(wrong).arg(pos)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMrzResolve)
#include "tst_mrzresolve.moc"
