// Which guest the result screen and its answers belong to (issue 18's workflow): the log's
// answer reaches the guest it was for, a verdict waits behind a registration in flight and behind
// the guest being served, the served guest's own code again changes nothing. Through the real
// kiosk (offscreen widgets, backend thread, SQLite log).
#include "KioskRig.h"
#include "credential/IdNumber.h"
#include "credential/Masking.h"
#include "ui/PinPad.h"
#include "ui/ReadyScreen.h"
#include "ui/RegistrationForm.h"
#include "ui/ResultScreen.h"
#include "ui/SpokenPrompts.h"
#include "ui/StaffManualPage.h"
#include "ui/StaffRecordsPage.h"
#include "ui/StaffScreen.h"
#include "ui/StatusStrip.h"
#include "ui/Texts.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace lz;
using namespace lz::test;

class TestDeskWorkflow : public QObject {
    Q_OBJECT
private slots:
    void answersReachTheGuestTheyWereFor();
    void theGuestBeingServedKeepsTheScreen();
    void staffCorrectAndVoidARegistration();
    void refusalsShowStepsAndNoPersonalDetail();
    void guestsSeeNoOutboxOrTrustAge();
    void eachClerkSignsInAsThemselves();
    void staffRegisterByHandWhenNoReaderWorks();
    void doneAndStaffNeverShareAPlace_data();
    void doneAndStaffNeverShareAPlace();
    void aCodeStillHeldIsToldSo();
    void elderModeForOneGuest();
    void backUpToAUsbStickInStaffMode();
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

// Issue 18: a registration made with the wrong room is corrected, then voided, from the staff
// screen: each a new record naming it, with the reason and the clerk; the list marks it.
void TestDeskWorkflow::staffCorrectAndVoidARegistration() {
    Rig rig;
    QSignalSpy registered(&rig.kiosk->backend(), &KioskBackend::registered);
    rig.scan(rig.fresh(0)); // 张伟
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QTest::keyClicks(rig.result()->form()->firstField(), QStringLiteral("1701"));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QVERIFY(arrived(registered));
    const Registration first = registered.first().at(1).value<Registration>();
    QTRY_COMPARE_WITH_TIMEOUT(rig.window().currentScreen(), static_cast<QWidget*>(rig.window().ready()),
                              kWaitMs);
    rig.window().openStaff();
    QTest::keyClicks(rig.window().pinPad()->field(), QStringLiteral("1234"));
    QTest::keyClick(rig.window().pinPad()->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(rig.window().currentScreen(), static_cast<QWidget*>(rig.window().staff()),
                              kWaitMs);
    QWidget* staff = rig.window().staff();
    QTableWidget* table = rig.window().staff()->table();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWaitMs);
    table->setCurrentCell(0, 0);
    auto button = [&](const char* name) { return staff->findChild<QPushButton*>(QLatin1String(name)); };
    auto* reason = staff->findChild<QLineEdit*>(QStringLiteral("unmaskReason"));
    QSignalSpy message(&rig.kiosk->backend(), &KioskBackend::staffMessage);

    // Correct: the registration's own form, prefilled; the room changed; saved with a reason.
    QTest::mouseClick(button("correctRecord"), Qt::LeftButton);
    QWidget* correction = staff->findChild<QWidget*>(QStringLiteral("correction"));
    QVERIFY(correction->isVisible());
    auto* room = correction->findChild<QLineEdit*>(QStringLiteral("room"));
    QCOMPARE(room->text(), QStringLiteral("1701"));
    room->selectAll();
    QTest::keyClicks(room, QStringLiteral("1702"));
    QTest::keyClicks(reason, QStringLiteral("wrong room typed"));
    QTest::mouseClick(button("saveCorrection"), Qt::LeftButton);
    QVERIFY(arrived(message));
    QCOMPARE(message.last().at(1).toBool(), false);
    QVERIFY(!correction->isVisible());
    // The list comes back with the correction and the registration marked.
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, kWaitMs);
    QVERIFY(table->item(0, 3)->text().contains(ui::StaffRecordsPage::tr("corrected")));

    // Void without a reason: refused on the page; with one: asked once more (final), then recorded.
    table->setCurrentCell(0, 0);
    QTest::mouseClick(button("voidRecord"), Qt::LeftButton);
    QTest::keyClicks(reason, QStringLiteral("guest did not stay"));
    QTest::mouseClick(button("voidRecord"), Qt::LeftButton);
    QCOMPARE(message.size(), 1); // armed, not sent
    QTest::mouseClick(button("voidRecord"), Qt::LeftButton);
    QVERIFY(arrived(message, 2));
    QCOMPARE(message.last().at(1).toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 3, kWaitMs);
    QVERIFY(table->item(0, 3)->text().contains(ui::StaffRecordsPage::tr("voided")));
    // Voided once is final.
    table->setCurrentCell(0, 0);
    QTest::keyClicks(reason, QStringLiteral("again"));
    auto* page = staff->findChild<ui::StaffRecordsPage*>();
    QSignalSpy pageMessage(page, &ui::StaffRecordsPage::message);
    QTest::mouseClick(button("voidRecord"), Qt::LeftButton);
    QCOMPARE(pageMessage.size(), 1); // said at once, by the page: nothing sent to the desk
    QCOMPARE(pageMessage.first().at(0).toString(),
             ui::StaffRecordsPage::tr("This registration was voided already."));
    QCOMPARE(message.size(), 2);
    rig.window().backToReady();

    // In the log: the registration as written, a correction and a void naming it, by the clerk.
    QSignalSpy listed(&rig.kiosk->backend(), &KioskBackend::records);
    QMetaObject::invokeMethod(
        &rig.kiosk->backend(), [b = &rig.kiosk->backend()] { b->listToday({}); }, Qt::QueuedConnection);
    QVERIFY(arrived(listed));
    const auto records = listed.first().at(0).value<QList<Registration>>();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).details.value(QStringLiteral("room")).toString(), QStringLiteral("1701"));
    QCOMPARE(records.at(1).kind, RecordKind::Correction);
    QCOMPARE(records.at(1).details.value(QStringLiteral("room")).toString(), QStringLiteral("1702"));
    QCOMPARE(records.at(1).details.value(QStringLiteral("amend_reason")).toString(),
             QStringLiteral("wrong room typed"));
    QCOMPARE(records.at(2).kind, RecordKind::Void);
    QCOMPARE(amendedRecordId(records.at(2)), first.id);
    QCOMPARE(records.at(2).venue.operatorId, QStringLiteral("admin")); // who signed in, not who was on duty
    QCOMPARE(first.venue.operatorId, QStringLiteral("DEMO-CLERK"));
}

// Issue 18: a refusal says "Not registered: under 18" (not "verified, but…"), shows no personal
// detail, gives the guest steps and the clerk a separate line; a code problem gives the guest the
// app's steps; no raw error name reaches the screen.
void TestDeskWorkflow::refusalsShowStepsAndNoPersonalDetail() {
    Rig rig({{QStringLiteral("venue/type"), QStringLiteral("internet_cafe")}});
    const auto& minor = rig.kit->holders().at(3); // born 2012
    rig.scan(rig.fresh(3));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.eligibility == QLatin1String("under_18"); }));
    ui::ResultScreen* r = rig.result();
    QCOMPARE(r->bannerText(), QStringLiteral("✗  ") + ui::Texts::refusalTitle(QStringLiteral("under_18")));
    QVERIFY(!r->bannerText().contains(ui::ResultScreen::tr("✓  Verified").mid(3)));
    QVERIFY(
        r->clerkText().startsWith(ui::Texts::clerkNote(Reason::None, QStringLiteral("under_18")).left(6)));
    const QString shown = visibleTexts(&rig.window()).join(QLatin1Char('\n'));
    QVERIFY(!shown.contains(lz::masking::name(minor.identity.name)));
    QVERIFY(!shown.contains(lz::masking::documentNumber(minor.identity.documentNumber)));
    QVERIFY(!visibleTexts(r).join(QLatin1Char('\n')).contains(ui::ResultScreen::tr("Ethnicity")));
    QTest::mouseClick(r->doneButton(), Qt::LeftButton);
    // An adult at the café: registered, and 民族 is not shown (the café's registration has none).
    rig.scan(rig.fresh(2));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid && v.eligibility.isEmpty(); }));
    QVERIFY(!visibleTexts(r).join(QLatin1Char('\n')).contains(ui::ResultScreen::tr("Ethnicity")));
    QVERIFY(visibleTexts(r).join(QLatin1Char('\n')).contains(ui::ResultScreen::tr("Sex")));
    QTest::mouseClick(r->doneButton(), Qt::LeftButton);

    // An expired code: the guest's steps (open the app → refresh → hold it to the camera).
    ui::Verdict expired;
    expired.result.reason = Reason::PresentationExpired;
    expired.method = QStringLiteral("qr");
    rig.window().showVerdict(expired);
    QCOMPARE(r->stepsText().count(QStringLiteral("→")), 2);
    QVERIFY(r->stepsText().contains(ui::Texts::tr("Refresh the code")));
    QVERIFY(!r->clerkText().isEmpty());
    // No reason's screen carries an error name ("presentation_expired", "camera_absent: …").
    for (Reason reason : allReasons()) {
        ui::Verdict v;
        v.result.reason = reason;
        v.method = QStringLiteral("qr");
        rig.window().showVerdict(v);
        const QString text = visibleTexts(r).join(QLatin1Char('\n'));
        QVERIFY2(!text.contains(reasonName(reason)), qPrintable(reasonName(reason)));
        QVERIFY2(!text.contains(QLatin1Char('_')), qPrintable(text));
        QVERIFY(!r->stepsText().isEmpty());
        QVERIFY(!r->clerkText().isEmpty());
    }
}

// Issue 18: the status row shows guests which devices work, never a trust list's age or the
// outbox's count; what needs staff (here: no police gateway set) is said in one line.
void TestDeskWorkflow::guestsSeeNoOutboxOrTrustAge() {
    Rig rig;
    ui::StatusStrip* strip = rig.window().statusStrip();
    QTRY_VERIFY_WITH_TIMEOUT(
        strip->summary().contains(ui::StatusStrip::tr("Staff: no police gateway set, records stay here")),
        kWaitMs);
    rig.scan(rig.fresh(0));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QTest::keyClicks(rig.result()->form()->firstField(), QStringLiteral("1701"));
    QSignalSpy statuses(&rig.kiosk->backend(), &KioskBackend::status);
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rig.result()->statusText().startsWith(QStringLiteral("✓")), kWaitMs);
    // A status after the registration, with the record queued, has reached the status row.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(statuses.cbegin(), statuses.cend(),
                                         [](const QList<QVariant>& s) {
                                             return s.at(0).value<ui::KioskStatus>().sync.queue >= 1;
                                         }),
                             kWaitMs);
    QTest::qWait(100); // the window's queued slot for that status
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    QVERIFY2(!strip->summary().contains(digit), qPrintable(strip->summary()));
    QVERIFY(!strip->summary().contains(ui::StatusStrip::tr("Trust list %1 old").left(4)));
}

// Issue 18: each clerk has their own staff number and PIN; the shared PIN is the administrator's,
// who adds the clerks. A clerk who signs in is on duty: their registrations and staff actions
// carry their number; they cannot change settings. An unknown staff number is a wrong PIN.
void TestDeskWorkflow::eachClerkSignsInAsThemselves() {
    Rig rig;
    ui::KioskWindow& w = rig.window();
    QSignalSpy checked(&rig.kiosk->backend(), &KioskBackend::pinChecked);
    auto signIn = [&](const QString& staffId, const QString& pin) {
        w.openStaff();
        QTest::keyClicks(w.pinPad()->staffField(), staffId);
        QTest::keyClicks(w.pinPad()->field(), pin);
        const qsizetype before = checked.size();
        QTest::keyClick(w.pinPad()->field(), Qt::Key_Return);
        return arrived(checked, int(before) + 1);
    };
    QVERIFY(signIn(QString(), QStringLiteral("1234"))); // the administrator
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.staff()), kWaitMs);
    QWidget* staff = w.staff();
    QTest::keyClicks(staff->findChild<QLineEdit*>(QStringLiteral("clerkId")), QStringLiteral("C-07"));
    staff->findChild<QLineEdit*>(QStringLiteral("clerkName"))->setText(QStringLiteral("王芳"));
    QTest::keyClicks(staff->findChild<QLineEdit*>(QStringLiteral("clerkPin")), QStringLiteral("2468"));
    staff->findChild<QPushButton*>(QStringLiteral("putClerk"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.settings().clerks.find(QStringLiteral("C-07")).has_value(), kWaitMs);
    QTRY_VERIFY(
        staff->findChild<QLabel*>(QStringLiteral("clerkList"))->text().contains(QStringLiteral("C-07")));
    w.backToReady();

    // An unknown staff number with a real clerk's PIN: a wrong PIN, nothing opens.
    QVERIFY(signIn(QStringLiteral("C-99"), QStringLiteral("2468")));
    QCOMPARE(checked.last().at(0).value<staff::PinAttempt>().outcome, staff::PinOutcome::Wrong);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.pinPad()));
    // The clerk's own number and PIN: staff mode, without the settings; now on duty.
    QVERIFY(signIn(QStringLiteral("c-07"), QStringLiteral("2468")));
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.staff()), kWaitMs);
    QCOMPARE(w.staffSession(), QStringLiteral("C-07"));
    QCOMPARE(w.settings().operatorId, QStringLiteral("C-07"));
    QTabWidget* tabs = w.staff()->tabs();
    QVERIFY(!tabs->isTabEnabled(tabs->count() - 1));
    QVERIFY(!staff->findChild<QPushButton*>(QStringLiteral("leaveKiosk"))->isVisibleTo(staff));
    // A staff action is the clerk's.
    QSignalSpy unmask(&w, &ui::KioskWindow::unmaskRequested);
    w.backToReady();

    // The guest the clerk registers carries their number.
    QSignalSpy registered(&rig.kiosk->backend(), &KioskBackend::registered);
    rig.scan(rig.fresh(0));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QTest::keyClicks(rig.result()->form()->firstField(), QStringLiteral("1701"));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QVERIFY(arrived(registered));
    QCOMPARE(registered.first().at(1).value<Registration>().venue.operatorId, QStringLiteral("C-07"));
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.ready()), kWaitMs);
    QVERIFY(signIn(QStringLiteral("C-07"), QStringLiteral("2468")));
    QTableWidget* table = w.staff()->table();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWaitMs);
    table->setCurrentCell(0, 0);
    QTest::keyClicks(staff->findChild<QLineEdit*>(QStringLiteral("unmaskReason")),
                     QStringLiteral("police inquiry"));
    staff->findChild<QPushButton*>(QStringLiteral("unmask"))->click();
    QCOMPARE(unmask.size(), 1);
    QCOMPARE(unmask.first().at(2).toString(), QStringLiteral("C-07"));
    w.backToReady();
    // Kept across a restart: the roster and the clerk on duty are in the settings file.
    QSettings file(rig.dir.filePath(QStringLiteral("kiosk.conf")), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("kiosk/operator")).toString(), QStringLiteral("C-07"));
    QCOMPARE(staff::readRoster(file).find(QStringLiteral("C-07"))->name, QStringLiteral("王芳"));
}

// Issue 18: 补录 — every reader failed; staff type the document from their hand. A number that
// fails its check is refused by name; a good one is registered as a manual registration, never
// verified, with the staff member signed in and the reason; birth date and sex from the number.
void TestDeskWorkflow::staffRegisterByHandWhenNoReaderWorks() {
    Rig rig;
    ui::KioskWindow& w = rig.window();
    w.openStaff();
    QTest::keyClicks(w.pinPad()->field(), QStringLiteral("1234"));
    QTest::keyClick(w.pinPad()->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.staff()), kWaitMs);
    w.staff()->tabs()->setCurrentIndex(1);
    auto* page = w.staff()->findChild<ui::StaffManualPage*>();
    QVERIFY(page);
    const QString first17 = QStringLiteral("44030519851120123");
    const QString good = first17 + idnumber::checkCharacter(first17);
    QString bad = good;
    bad[17] = bad[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    auto* number = page->findChild<QLineEdit*>(QStringLiteral("manualNumber"));
    QTest::keyClicks(number, bad);
    page->findChild<QLineEdit*>(QStringLiteral("manualName"))->setText(QStringLiteral("赵敏"));
    QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("manualReason")),
                     QStringLiteral("ID card reader broken, card checked by eye"));
    QTest::keyClicks(page->form()->firstField(), QStringLiteral("1505"));
    QSignalSpy message(&rig.kiosk->backend(), &KioskBackend::staffMessage);
    QSignalSpy done(&rig.kiosk->backend(), &KioskBackend::manuallyRegistered);
    page->findChild<QPushButton*>(QStringLiteral("manualRegister"))->click();
    QVERIFY(arrived(message));
    QCOMPARE(message.last().at(1).toBool(), true);
    QCOMPARE(done.size(), 0);
    number->setText(good);
    page->findChild<QPushButton*>(QStringLiteral("manualRegister"))->click();
    QVERIFY(arrived(done));
    const Registration r = done.first().at(0).value<Registration>();
    QCOMPARE(r.kind, RecordKind::ManualRegistration);
    QVERIFY(!r.valid);
    QCOMPARE(r.identity->documentNumber, good);
    QCOMPARE(r.identity->birthDate, QDate(1985, 11, 20));
    QCOMPARE(r.identity->sex, Sex::Male);
    QCOMPARE(r.details.value(QStringLiteral("room")).toString(), QStringLiteral("1505"));
    QCOMPARE(r.details.value(QStringLiteral("override_staff")).toString(), QStringLiteral("admin"));
    QCOMPARE(r.details.value(QStringLiteral("override_reason")).toString(),
             QStringLiteral("ID card reader broken, card checked by eye"));
    // The page forgets what was typed.
    QTRY_VERIFY(number->text().isEmpty());
    // The same person again by hand: one open stay.
    number->setText(good);
    page->findChild<QLineEdit*>(QStringLiteral("manualName"))->setText(QStringLiteral("赵敏"));
    QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("manualReason")), QStringLiteral("again"));
    QTest::keyClicks(page->form()->firstField(), QStringLiteral("1506"));
    const qsizetype before = message.size();
    page->findChild<QPushButton*>(QStringLiteral("manualRegister"))->click();
    QVERIFY(arrived(message, int(before) + 1));
    QVERIFY(message.last().at(0).toString().contains(QStringLiteral("1505")));
    QCOMPARE(done.size(), 1);
}

// Issue 18: a second tap on the result screen's Done lands on nothing of the Ready screen (it
// was the Staff button); every button and field of the guest's screens is at least 48 px high.
void TestDeskWorkflow::doneAndStaffNeverShareAPlace_data() {
    QTest::addColumn<bool>("large");
    QTest::newRow("normal") << false;
    QTest::newRow("large text") << true;
}

void TestDeskWorkflow::doneAndStaffNeverShareAPlace() {
    QFETCH(bool, large);
    Rig rig({{QStringLiteral("kiosk/large_text"), large}});
    ui::KioskWindow& w = rig.window();
    rig.scan(rig.fresh(0));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QTest::qWait(100);
    auto inWindow = [&](QWidget* b) { return QRect(b->mapTo(&w, QPoint(0, 0)), b->size()); };
    const QRect done = inWindow(rig.result()->doneButton());
    auto targets = [&](QWidget* screen) {
        for (QWidget* c : screen->findChildren<QWidget*>()) {
            const bool target = qobject_cast<QAbstractButton*>(c) || qobject_cast<QLineEdit*>(c) ||
                                qobject_cast<QComboBox*>(c);
            if (target && c->isVisibleTo(&w) && !qobject_cast<QLineEdit*>(c->parentWidget()) &&
                !qobject_cast<QAbstractSpinBox*>(c->parentWidget()) &&
                !qobject_cast<QComboBox*>(c->parentWidget()))
                QVERIFY2(c->height() >= 48,
                         qPrintable(QStringLiteral("%1 '%2' is %3 px high")
                                        .arg(QLatin1String(c->metaObject()->className()), c->objectName())
                                        .arg(c->height())));
        }
    };
    targets(rig.result());
    QTest::mouseClick(rig.result()->doneButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.ready()), kWaitMs);
    QTest::qWait(100);
    for (QAbstractButton* b : w.ready()->findChildren<QAbstractButton*>())
        if (b->isVisibleTo(&w))
            QVERIFY2(!inWindow(b).intersects(done), qPrintable(b->text()));
    targets(w.ready());
}

// Issue 18: "recognised" as soon as the camera finds a code; a code still held up after its
// result went away (one just checked: no new verdict) is told so, not met with silence.
void TestDeskWorkflow::aCodeStillHeldIsToldSo() {
    Rig rig;
    ui::KioskWindow& w = rig.window();
    const QString code = rig.fresh(1);
    rig.camera->show(code);
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QTest::mouseClick(rig.result()->doneButton(), Qt::LeftButton); // the code is still in view
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.ready()), kWaitMs);
    // "Recognised" first (it may already have turned into the next line on a loaded machine).
    QTRY_VERIFY_WITH_TIMEOUT(!w.ready()->seenText().isEmpty(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        w.ready()->seenText(),
        ui::ReadyScreen::tr("This code was just checked. To check again, refresh it in the app."), kWaitMs);
    QCOMPARE(w.currentScreen(), static_cast<QWidget*>(w.ready()));
    rig.camera->show({});
    QTRY_VERIFY_WITH_TIMEOUT(w.ready()->seenText().isEmpty(), kWaitMs);
    QVERIFY(!w.ready()->howText().isEmpty());
}

// Issue 18: 长辈模式 — for one guest: large text, twice the time on the result, each step spoken
// (even where the venue turned the sounds off); the next guest starts as the kiosk was set up.
void TestDeskWorkflow::elderModeForOneGuest() {
    Rig rig({{QStringLiteral("kiosk/sounds"), false}});
    ui::KioskWindow& w = rig.window();
    const int normal = QApplication::font().pointSize();
    QVERIFY(!w.voice()->enabled());
    w.ready()->elderButton()->click();
    QVERIFY(w.elderMode());
    QVERIFY(w.voice()->enabled());
    QVERIFY(QApplication::font().pointSize() > normal);
    rig.scan(rig.fresh(0));
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.result.valid; }));
    QVERIFY(rig.result()->secondsLeft() > w.settings().autoReturnSeconds);
    QTest::mouseClick(rig.result()->doneButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.ready()), kWaitMs);
    QVERIFY(!w.elderMode());
    QVERIFY(!w.ready()->elderButton()->isChecked());
    QCOMPARE(QApplication::font().pointSize(), normal);
    QVERIFY(!w.voice()->enabled());
}

QTEST_MAIN(TestDeskWorkflow)
// Issue 19: the administrator backs the running terminal up to a USB stick from staff mode (the
// command line's backup needs the kiosk stopped: it holds the state). The keys file opens with
// plain openssl and the escrow's key; a clerk is not offered the button.
void TestDeskWorkflow::backUpToAUsbStickInStaffMode() {
    QTemporaryDir outside;
    const QString stick = outside.filePath(QStringLiteral("stick"));
    QVERIFY(QDir().mkpath(stick));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=supplier escrow"), QStringLiteral("-keyout"),
                   outside.filePath(QStringLiteral("escrow.key")), QStringLiteral("-out"),
                   outside.filePath(QStringLiteral("escrow.pem"))});
    QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
    Rig rig({{QStringLiteral("backup/escrow_cert"), outside.filePath(QStringLiteral("escrow.pem"))},
             {QStringLiteral("backup/dir"), stick}});
    ui::KioskWindow& w = rig.window();
    QSignalSpy checked(&rig.kiosk->backend(), &KioskBackend::pinChecked);
    w.openStaff();
    QTest::keyClicks(w.pinPad()->field(), QStringLiteral("1234"));
    QTest::keyClick(w.pinPad()->field(), Qt::Key_Return);
    QVERIFY(arrived(checked));
    QTRY_COMPARE_WITH_TIMEOUT(w.currentScreen(), static_cast<QWidget*>(w.staff()), kWaitMs);
    auto* backup = w.staff()->findChild<QPushButton*>(QStringLiteral("backup"));
    QVERIFY(backup && !backup->isHidden());
    QSignalSpy message(&rig.kiosk->backend(), &KioskBackend::staffMessage);
    backup->click();
    QVERIFY(arrived(message));
    QVERIFY2(!message.first().at(1).toBool(), qPrintable(message.first().at(0).toString()));
    const QStringList keys = QDir(stick).entryList({QStringLiteral("*-keys.p7m")}, QDir::Files),
                      data = QDir(stick).entryList({QStringLiteral("*.lzbackup")}, QDir::Files);
    QCOMPARE(keys.size(), 1);
    QCOMPARE(data.size(), 1);
    QProcess cms;
    cms.start(QStringLiteral("openssl"),
              {QStringLiteral("cms"), QStringLiteral("-decrypt"), QStringLiteral("-inform"),
               QStringLiteral("DER"), QStringLiteral("-in"), QDir(stick).filePath(keys.first()),
               QStringLiteral("-recip"), outside.filePath(QStringLiteral("escrow.pem")),
               QStringLiteral("-inkey"), outside.filePath(QStringLiteral("escrow.key")),
               QStringLiteral("-out"), outside.filePath(QStringLiteral("keys.cbor"))});
    QVERIFY(cms.waitForFinished(30000));
    QCOMPARE(cms.exitCode(), 0);
    // The administrator only: a clerk's session has no backup button.
    w.staff()->open(ui::KioskSettings(), QStringLiteral("C-01"));
    QVERIFY(backup->isHidden());
}

#include "tst_deskworkflow.moc"
