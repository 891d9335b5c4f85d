// Which guest the result screen and its answers belong to (issue 18's workflow): the log's
// answer reaches the guest it was for, a verdict waits behind a registration in flight and behind
// the guest being served, the served guest's own code again changes nothing. Through the real
// kiosk (offscreen widgets, backend thread, SQLite log).
#include "KioskRig.h"
#include "ui/PinPad.h"
#include "ui/ReadyScreen.h"
#include "ui/RegistrationForm.h"
#include "ui/ResultScreen.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace lz;
using namespace lz::test;

class TestDeskWorkflow : public QObject {
    Q_OBJECT
private slots:
    void answersReachTheGuestTheyWereFor();
    void theGuestBeingServedKeepsTheScreen();
};

void TestDeskWorkflow::answersReachTheGuestTheyWereFor() {
    Rig rig;
    ui::KioskWindow& w = rig.window();
    QSignalSpy registered(&rig.kiosk->backend(), &KioskBackend::registered);
    rig.scan(rig.fresh(0)); // 张伟
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    // A stale answer (some earlier request) changes nothing on this guest's screen.
    w.registrationDone(987654, Registration());
    QVERIFY(rig.result()->statusText().isEmpty());
    QVERIFY(rig.result()->registerButton()->isEnabled());
    // Ctrl+Z cannot bring back a previous guest's room: the fields are emptied without undo.
    auto* room = qobject_cast<QLineEdit*>(rig.result()->form()->firstField());
    QVERIFY(room);
    QTest::keyClicks(room, QStringLiteral("1701"));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    // While 张伟's registration is in flight, 李娜 shows her code: she waits for it.
    QVERIFY(rig.result()->registering());
    ui::Verdict other;
    other.result.valid = false;
    other.result.reason = Reason::PresentationExpired;
    w.showVerdict(other);
    QCOMPARE(rig.result()->verdict().result.identity->name, QStringLiteral("张伟"));
    QVERIFY(arrived(registered));
    QTRY_VERIFY(rig.result()->statusText().startsWith(QStringLiteral("✓")));
    QCOMPARE(rig.result()->verdict().result.identity->name, QStringLiteral("张伟"));
    // After 张伟's short "registered", the held verdict is shown.
    QVERIFY(
        rig.waitVerdict([](const ui::Verdict& v) { return v.result.reason == Reason::PresentationExpired; }));
    QVERIFY(!room->isUndoAvailable());
    QVERIFY(room->text().isEmpty());

    // A PIN answer that comes after Cancel opens nothing.
    QSignalSpy checked(&rig.kiosk->backend(), &KioskBackend::pinChecked);
    w.openStaff();
    QTest::keyClicks(w.pinPad()->field(), QStringLiteral("1234"));
    QTest::keyClick(w.pinPad()->field(), Qt::Key_Return);
    w.backToReady(); // Cancel
    QVERIFY(arrived(checked));
    QTest::qWait(50);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.ready()));
}

// Issue 18: a code arriving while the clerk fills in the form never touches it. The next guest's
// verdict waits behind a chip until this guest is registered or dismissed; the guest's own code
// shown again is ignored.
void TestDeskWorkflow::theGuestBeingServedKeepsTheScreen() {
    Rig rig;
    rig.scan(rig.fresh(0)); // 张伟
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    auto* room = qobject_cast<QLineEdit*>(rig.result()->form()->firstField());
    QVERIFY(room);
    QTest::keyClicks(room, QStringLiteral("1701"));
    rig.scan(rig.fresh(1)); // the next guest's code, read while 张伟 is served
    QTRY_VERIFY_WITH_TIMEOUT(rig.result()->nextWaiting(), kWaitMs);
    QCOMPARE(rig.result()->verdict().result.identity->name, QStringLiteral("张伟"));
    QCOMPARE(room->text(), QStringLiteral("1701"));
    const QString waiting = rig.result()->findChild<QLabel*>(QStringLiteral("nextWaiting"))->text();
    QCOMPARE(waiting, ui::ResultScreen::tr("Next guest's code read: please wait"));
    // 张伟 shows his code again (a fresh one, and then the same one: "already used"): ignored.
    const QString again = rig.fresh(0);
    rig.scan(again);
    rig.scan(again);
    QTest::qWait(600);
    QCOMPARE(rig.result()->verdict().result.identity->name, QStringLiteral("张伟"));
    QCOMPARE(room->text(), QStringLiteral("1701"));
    // Dismissed: the waiting guest's verdict comes up, with an empty form.
    QTest::mouseClick(rig.result()->doneButton(), Qt::LeftButton);
    QVERIFY(rig.waitVerdict([&](const ui::Verdict& v) {
        return v.result.valid && v.result.identity->name == rig.kit->holders().at(1).identity.name;
    }));
    QVERIFY(!rig.result()->nextWaiting());
    QVERIFY(qobject_cast<QLineEdit*>(rig.result()->form()->firstField())->text().isEmpty());
}

QTEST_MAIN(TestDeskWorkflow)
#include "tst_deskworkflow.moc"
