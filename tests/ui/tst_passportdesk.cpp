// A passport at the desk, through the real kiosk and the real reader path (libnfc's pn532_uart →
// the emulated PN532 carrying a passport chip): the clerk's MRZ entry, the read, the verdict with
// the face, the foreign-guest registration in the log, and a passport the trust list cannot vouch for.
#include "KioskRig.h"
#include "passport/PassportIssuer.h"
#include "ui/PassportScreen.h"
#include "ui/ReadyScreen.h"
#include "ui/RegistrationForm.h"
#include "ui/Texts.h"

#include "PassportPageVideo.h"
#include "camera/VideoFileSource.h"

#include <QApplication>
#include <QDateEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace lz;
using namespace lz::test;

class TestPassportDesk : public QObject {
    Q_OBJECT
private slots:
    void passportToForeignGuestRegistration();
    void theCameraReadsTheMrz();
};

void TestPassportDesk::passportToForeignGuestRegistration() {
    // The clerk's passport flow through the real reader path (libnfc → emulated PN532 carrying the
    // demo passport, signed under the DEMO CSCA of the demo trust list): MRZ typing mistakes
    // named, a key the chip refuses, the read, the verdict with the face, the foreign-guest rows
    // the hotel must fill, the registration in the log; then a passport signed under a CSCA the
    // trust list does not carry.
    QTemporaryDir links;
    const QString link = links.filePath(QStringLiteral("ttyNFC"));
    auto emulator = [&](const QStringList& passport) {
        return startEmulator(link,
                             QStringList{QStringLiteral("--card"), QStringLiteral("passport")} + passport);
    };
    auto emu = emulator({QStringLiteral("--passport"), QStringLiteral("demo"), QStringLiteral("--pace"),
                         QStringLiteral("13")});
    Rig rig({}, QStringLiteral("pn532_uart:") + link);
    QPushButton* button = rig.window().ready()->passportButton();
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisibleTo(&rig.window()), kWaitMs);
    QTest::mouseClick(button, Qt::LeftButton);
    ui::PassportScreen* screen = rig.window().passport();
    QCOMPARE(rig.window().currentScreen(), static_cast<QWidget*>(screen));
    screen->clear();

    // The zone scanned with one wrong digit: the field is named.
    QString zone = QString::fromLatin1(demo::kDemoPassportMrz);
    zone.insert(44, QLatin1Char('\n'));
    QString wrong = zone;
    wrong[45 + 19] = QLatin1Char('9'); // the birth date's check digit
    screen->mrzField()->setPlainText(wrong);
    QCOMPARE(screen->errorText(), ui::Texts::mrzError(QStringLiteral("mrz_check_birth_date")));
    // Typed fields with an impossible date: refused before the reader is asked.
    screen->clear();
    QTest::keyClicks(screen->numberField(), QStringLiteral("AB1234567"));
    QTest::keyClicks(screen->birthField(), QStringLiteral("881403"));
    QTest::keyClicks(screen->expiryField(), QStringLiteral("330101"));
    QTest::mouseClick(screen->readButton(), Qt::LeftButton);
    QVERIFY(!screen->reading());
    QCOMPARE(screen->errorText(), ui::Texts::mrzError(QStringLiteral("mrz_birth_date")));
    // A well-formed key the chip does not accept (another expiry): back to the fields, said so.
    screen->birthField()->setText(QStringLiteral("880314"));
    screen->expiryField()->setText(QStringLiteral("330102"));
    QTest::mouseClick(screen->readButton(), Qt::LeftButton);
    QVERIFY(screen->reading());
    say(*emu, "place");
    QTRY_VERIFY_WITH_TIMEOUT(!screen->reading(), kWaitMs);
    QCOMPARE(screen->errorText(), ui::Texts::passportProblem(nfc::NfcCode::PaceRefused));
    say(*emu, "remove");

    // While the clerk works here, a code held up to the camera does not cut in.
    rig.camera->show(rig.fresh(0));
    QTest::qWait(1500);
    QCOMPARE(rig.window().currentScreen(), static_cast<QWidget*>(screen));
    rig.camera->show({});

    // The whole zone scanned: the fields fill; the document laid on the reader is read.
    screen->mrzField()->setPlainText(zone);
    QCOMPARE(screen->numberField()->text(), QStringLiteral("AB1234567"));
    QCOMPARE(screen->expiryField()->text(), QStringLiteral("330101"));
    QSignalSpy progress(rig.kiosk->nfc(), &NfcFeed::passportProgress);
    QTest::mouseClick(screen->readButton(), Qt::LeftButton);
    QCOMPARE(screen->stageText(), ui::PassportScreen::tr("Waiting for the document…"));
    say(*emu, "place");
    QVERIFY(rig.waitVerdict([](const ui::Verdict& v) { return v.method == QLatin1String("passport"); }));
    QVERIFY(progress.size() > 80); // the chip opened, then every READ BINARY
    const ui::Verdict v = rig.result()->verdict();
    QVERIFY2(v.result.valid, qPrintable(reasonName(v.result.reason) + u' ' + v.result.detail));
    QCOMPARE(v.result.identity->kind, DocumentKind::Passport);
    QCOMPARE(v.result.identity->nationality, QStringLiteral("UTO"));
    QVERIFY(v.chip.has_value());
    QCOMPARE(v.chip->access, QStringLiteral("PACE"));
    QCOMPARE(v.chip->apdus, v.chip->minimumApdus);
    QCOMPARE(v.chip->checkedDataGroups,
             (QList<int>{1, 2, 14, 15})); // the demo chip has active authentication
    QVERIFY(v.chip->activeAuthenticated);
    QCOMPARE(v.chip->photoFormat, QStringLiteral("jpeg"));
    QCOMPARE(v.photo.size(), QSize(420, 540)); // the face, decoded
    QVERIFY(rig.result()->reasonText().contains(QStringLiteral("PACE")));
    const QString shown = visibleTexts(&rig.window()).join(QLatin1Char('\n'));
    QVERIFY(shown.contains(QStringLiteral("AB*****67")));
    QVERIFY(!shown.contains(QStringLiteral("AB1234567")));
    QVERIFY(!shown.contains(QStringLiteral("ASTRID")));
    // Issue 18: the nationality by name in the screen's language, not its ICAO code.
    const QString nationality = rig.result()->verdict().result.identity->nationality;
    QVERIFY(!ui::Texts::country(nationality).isEmpty());
    QVERIFY2(ui::Texts::country(nationality) != nationality, qPrintable(nationality));
    QVERIFY(shown.contains(ui::Texts::country(nationality)));
    QVERIFY(rig.window().passport()->findChild<QAbstractButton*>(QStringLiteral("language_en")));
    say(*emu, "remove");

    // A foreign guest at a hotel: the visa type must be chosen before the record is made.
    QTest::keyClicks(rig.result()->form()->firstField(), QStringLiteral("0312"));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QCOMPARE(
        rig.result()->statusText(),
        ui::ResultScreen::tr("Please fill in: %1").arg(ui::RegistrationForm::tr("Visa or residence type")));
    auto* visa = rig.result()->form()->findChild<QComboBox*>(QStringLiteral("visaType"));
    QVERIFY(visa);
    visa->setCurrentIndex(visa->findData(QStringLiteral("L")));
    // Issue 18: the entry date and the stay permitted are never guessed: empty until set.
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QCOMPARE(rig.result()->statusText(),
             ui::ResultScreen::tr("Please fill in: %1").arg(ui::RegistrationForm::tr("Date of entry")));
    QVERIFY(!rig.result()->form()->details().contains(QStringLiteral("entry_date")));
    QVERIFY(!rig.result()->form()->details().contains(QStringLiteral("stay_until")));
    rig.result()
        ->form()
        ->findChild<QDateEdit*>(QStringLiteral("entryDate"))
        ->setDate(QDate::currentDate().addDays(-2));
    rig.result()
        ->form()
        ->findChild<QDateEdit*>(QStringLiteral("stayUntil"))
        ->setDate(QDate::currentDate().addDays(28));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton); // a visa has a number
    QCOMPARE(
        rig.result()->statusText(),
        ui::ResultScreen::tr("Please fill in: %1").arg(ui::RegistrationForm::tr("Visa or permit number")));
    QTest::keyClicks(rig.result()->form()->findChild<QLineEdit*>(QStringLiteral("visaNumber")),
                     QStringLiteral("V1234567"));
    // The face check is offered (a hotel, a photo from the chip); the guest does not take it, so
    // the clerk compares the chip's photo with the guest and says so before the record is made.
    ui::FacePanel* face = rig.result()->facePanel();
    QCOMPARE(face->state(), ui::FacePanel::State::Offered);
    QVERIFY(face->consentButton()->isVisibleTo(&rig.window()));
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QCOMPARE(rig.result()->statusText(),
             ui::ResultScreen::tr("Please fill in: %1")
                 .arg(ui::ResultScreen::tr("the clerk's check of the document photo")));
    QTest::mouseClick(face->clerkMatchButton(), Qt::LeftButton);
    QSignalSpy registered(&rig.kiosk->backend(), &KioskBackend::registered);
    QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
    QVERIFY(arrived(registered));
    const Registration r = registered.first().at(1).value<Registration>();
    QCOMPARE(r.method, QStringLiteral("passport"));
    QCOMPARE(r.documentKind, QStringLiteral("passport"));
    QCOMPARE(r.identity->documentNumber, QStringLiteral("AB1234567"));
    QCOMPARE(r.identity->expiryDate, QDate(2033, 1, 1));
    QCOMPARE(r.details.value(QStringLiteral("visa_type")).toString(), QStringLiteral("L"));
    QCOMPARE(r.details.value(QStringLiteral("visa_number")).toString(), QStringLiteral("V1234567"));
    QCOMPARE(r.details.value(QStringLiteral("face_check")).toString(), QStringLiteral("not_run"));
    QCOMPARE(r.details.value(QStringLiteral("face_model")).toString(), QStringLiteral("face-api-1.7.15"));
    QCOMPARE(r.details.value(QStringLiteral("face_clerk")).toString(), QStringLiteral("DEMO-CLERK"));
    QVERIFY(!r.details.value(QStringLiteral("face_clerk_reason")).toString().isEmpty());
    QCOMPARE(r.details.value(QStringLiteral("entry_date")).toString(),
             QDate::currentDate().addDays(-2).toString(Qt::ISODate)); // as the clerk set it
    QCOMPARE(r.details.value(QStringLiteral("stay_until")).toString(),
             QDate::currentDate().addDays(28).toString(Qt::ISODate));
    QTRY_COMPARE_WITH_TIMEOUT(rig.window().currentScreen(), static_cast<QWidget*>(rig.window().ready()),
                              kWaitMs);

    // A passport whose document signer no CSCA of the trust list issued: refused, named, no face.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    passport::CertificateSpec spec;
    spec.commonName = QStringLiteral("CSCA UT");
    spec.notBefore = now - 86400;
    spec.notAfter = now + 86400 * 365;
    const passport::Signer forger = passport::makeCsca(spec);
    spec.commonName = QStringLiteral("DS UT");
    passport::PassportSpec forged;
    forged.mrz = demo::kDemoPassportMrz;
    forged.photo = demo::DemoKit::facePhoto(true);
    auto files = passport::makePassport(forged, passport::makeDocumentSigner(forger, spec));
    QVERIFY(files.hasValue());
    QTemporaryDir dir;
    QVERIFY(files->save(dir.path()).hasValue());
    say(*emu, "unplug");
    emu->waitForFinished(3000);
    emu = emulator({QStringLiteral("--passport"), dir.path()});
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisibleTo(&rig.window()), 3 * kWaitMs);
    QTest::mouseClick(button, Qt::LeftButton);
    screen->mrzField()->setPlainText(zone);
    QTest::mouseClick(screen->readButton(), Qt::LeftButton);
    say(*emu, "place");
    QVERIFY(rig.waitVerdict([](const ui::Verdict& w) { return w.method == QLatin1String("passport"); }));
    QCOMPARE(rig.result()->verdict().result.reason, Reason::UnknownCsca);
    QCOMPARE(rig.result()->reasonText(),
             ui::Texts::reasonFor(Reason::UnknownCsca, QStringLiteral("passport")));
    QVERIFY(rig.result()->verdict().photo.isNull());
    QVERIFY(!rig.result()->registerButton()->isVisibleTo(&rig.window()));
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    TestPassportDesk t;
    return QTest::qExec(&t, argc, argv);
}

void TestPassportDesk::theCameraReadsTheMrz() {
    // A video file (written here, read back by OpenCV's VideoCapture like a camera) of a passport's
    // photo page under the desk camera: the clerk opens the passport screen and the key fills
    // itself from the MRZ; typing of the clerk's own is never overwritten.
    QTemporaryDir dir;
    const QString video = dir.filePath(QStringLiteral("passport-page.avi"));
    QVERIFY2(test::writePassportPageVideo(video),
             "fonts-ocr-b (scripts/bootstrap) and OpenCV's MJPEG writer");
    QTemporaryDir links; // the passport button is offered with an NFC reader
    const QString link = links.filePath(QStringLiteral("ttyNFC"));
    auto emu = startEmulator(link, {QStringLiteral("--card"), QStringLiteral("passport"),
                                    QStringLiteral("--passport"), QStringLiteral("demo")});
    Rig rig({}, QStringLiteral("pn532_uart:") + link, {}, [video] {
        return std::make_unique<VideoFileSource>(video, VideoFileSource::Options{true, true});
    });
    QPushButton* button = rig.window().ready()->passportButton();
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisibleTo(&rig.window()), kWaitMs);
    QTest::mouseClick(button, Qt::LeftButton);
    ui::PassportScreen* screen = rig.window().passport();
    // The demo terminal offers its demo passport's key; the camera's reading replaces it.
    QTRY_COMPARE_WITH_TIMEOUT(screen->numberField()->text(), QStringLiteral("533475514"), kWaitMs);
    QCOMPARE(screen->birthField()->text(), QStringLiteral("881204"));
    QCOMPARE(screen->expiryField()->text(), QStringLiteral("300928"));
    QVERIFY(screen->cameraText().startsWith(QStringLiteral("✓")));

    // The chip refuses the camera's key (the reader carries another passport): the reason stays
    // on the screen, and the camera, reading on in a new session, does not put the refused key
    // back over it.
    QTest::mouseClick(screen->readButton(), Qt::LeftButton);
    QVERIFY(screen->reading());
    say(*emu, "place");
    QTRY_VERIFY_WITH_TIMEOUT(!screen->reading(), kWaitMs);
    say(*emu, "remove");
    const QString refusal = screen->errorText();
    QCOMPARE(refusal, ui::Texts::passportProblem(nfc::NfcCode::PaceRefused));
    QTest::qWait(2000); // frames read, keys agreed
    QCOMPARE(screen->errorText(), refusal);
    QVERIFY(!screen->cameraText().startsWith(QStringLiteral("✓")));

    // The clerk's own typing is theirs: an offer from the camera (as a new session would make)
    // leaves it alone, whether typed or a scanned zone.
    screen->numberField()->clear();
    QTest::keyClicks(screen->numberField(), QStringLiteral("X1234567"));
    screen->offerCameraKey(QStringLiteral("533475514"), QStringLiteral("881204"), QStringLiteral("300928"));
    QCOMPARE(screen->numberField()->text(), QStringLiteral("X1234567"));
    QVERIFY(screen->cameraText().isEmpty());
    screen->clear();
    QString zone = QString::fromLatin1(demo::kDemoPassportMrz);
    zone.insert(44, QLatin1Char('\n'));
    screen->mrzField()->setPlainText(zone);
    QCOMPARE(screen->numberField()->text(), QStringLiteral("AB1234567"));
    screen->offerCameraKey(QStringLiteral("533475514"), QStringLiteral("881204"), QStringLiteral("300928"));
    QCOMPARE(screen->numberField()->text(), QStringLiteral("AB1234567"));
}

#include "tst_passportdesk.moc"
