// The theme's contrast (issue 18): every text colour on every background it is drawn on, in
// normal and high-contrast mode, by WCAG 2's relative luminance — high contrast ≥ 7:1 (AAA),
// normal ≥ 4.5:1 (AA), a disabled button's text ≥ 4.5:1 in both. Before this test the high-
// contrast verdict was white on bright green (1.36:1) and disabled text 3.0:1.
#include "ui/Theme.h"

#include <QTest>

using namespace lz::ui;

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void ratioIsWcags() {
        // Published reference points: black on white 21:1; #767676 on white is the AA edge (4.54:1).
        QCOMPARE(qRound(contrastRatio(QStringLiteral("#000000"), QStringLiteral("#ffffff")) * 100), 2100);
        QCOMPARE(qRound(contrastRatio(QStringLiteral("#767676"), QStringLiteral("#ffffff")) * 100), 454);
        QCOMPARE(qRound(contrastRatio(QStringLiteral("#ffffff"), QStringLiteral("#00ff66")) * 100), 136);
    }
    void everyTextIsReadable_data() {
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<bool>("large");
        QTest::newRow("normal") << false << false;
        QTest::newRow("large text") << false << true;
        QTest::newRow("high contrast") << true << false;
    }
    void everyTextIsReadable() {
        QFETCH(bool, highContrast);
        QFETCH(bool, large);
        const QList<TextPair> pairs = themeTextPairs({large, highContrast});
        QVERIFY(pairs.size() >= 12);
        for (const TextPair& p : pairs) {
            const double need = p.disabled ? 4.5 : highContrast ? 7.0 : 4.5;
            const double got = contrastRatio(p.foreground, p.background);
            QVERIFY2(got >= need, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, needs %5:1")
                                                 .arg(p.role, p.foreground, p.background)
                                                 .arg(got, 0, 'f', 2)
                                                 .arg(need)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTheme)
#include "tst_theme.moc"
