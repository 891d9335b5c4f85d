// Keyboard-wedge scanners: a fast burst ending in Enter is one scan and never reaches the
// focused text field; a person typing at human speed gets every key, in order.
#include "scanner/KeyboardWedgeFilter.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace lz;

class TestKeyboardWedge : public QObject {
    Q_OBJECT
    QLineEdit* m_field = nullptr;
    KeyboardWedgeFilter* m_filter = nullptr;

private slots:
    void init() {
        m_field = new QLineEdit;
        m_field->show();
        m_field->activateWindow();
        m_field->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_field) || true);
        m_filter = new KeyboardWedgeFilter({35, 12});
        qApp->installEventFilter(m_filter);
    }
    void cleanup() {
        qApp->removeEventFilter(m_filter);
        delete m_filter;
        delete m_field;
    }
    void scannerBurstIsAScan() {
        QSignalSpy scans(m_filter, &KeyboardWedgeFilter::scanned);
        QTest::keyClicks(m_field, QStringLiteral("LZ1:NCFOXN*TS0BIP$FJS4POP"));
        QTest::keyClick(m_field, Qt::Key_Return);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().at(0).toString(), QStringLiteral("LZ1:NCFOXN*TS0BIP$FJS4POP"));
        QTest::qWait(150); // nothing is replayed later either
        QCOMPARE(m_field->text(), QString());
    }
    void personTypingReachesTheField() {
        QSignalSpy scans(m_filter, &KeyboardWedgeFilter::scanned);
        for (const QChar c : QStringLiteral("room 1208")) {
            QTest::keyClicks(m_field, QString(c));
            QTest::qWait(90); // human speed
        }
        QTest::keyClick(m_field, Qt::Key_Return);
        QTRY_COMPARE(m_field->text(), QStringLiteral("room 1208"));
        QCOMPARE(scans.size(), 0);
    }
    void shortFastBurstIsTyping() {
        // A fast but short burst (a person's quick "ok" + Enter) is not a scan.
        QSignalSpy scans(m_filter, &KeyboardWedgeFilter::scanned);
        QTest::keyClicks(m_field, QStringLiteral("ok"));
        QTest::keyClick(m_field, Qt::Key_Return);
        QTRY_COMPARE(m_field->text(), QStringLiteral("ok"));
        QCOMPARE(scans.size(), 0);
    }
};

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardwedge.moc"
