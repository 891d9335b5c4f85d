// The face check at the desk, end to end through the real parts: a phone whose credential signs
// its holder's portrait (a face from face-api's sample photos) is laid on the reader (libnfc,
// lz-pn532-emu); the portrait comes over NFC after the answer and is checked against the signed
// hash; the result screen shows the notice and asks for consent; the live check runs on the desk
// camera — which shows a printed photo of the holder being moved about (a video file) — and is
// not passed; the clerk's own check is then required, and the record keeps the outcome, the model
// and the clerk, never a face.
#include "FaceScene.h"
#include "KioskRig.h"
#include "camera/VideoFileSource.h"
#include "crypto/Digest.h"
#include "facenet/FaceModels.h"
#include "ui/SpokenPrompts.h"
#include "ui/StatusStrip.h"

#include <QPushButton>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace lz;
using namespace lz::test;

class TestFaceDesk : public QObject {
    Q_OBJECT
private slots:
    void printedPhotoFailsTheLiveCheckAndTheClerkDecides() {
        QTemporaryDir dir;
        cv::Mat portrait;
        const QByteArray jpeg = portraitJpeg(&portrait);
        QVERIFY(!jpeg.isEmpty());
        const QString video = dir.filePath(QStringLiteral("printed-photo.avi"));
        writePrintedPhotoVideo(video, portrait);

        // The holder's credential signs the portrait's hash; the phone holds the JPEG.
        auto kit = demo::DemoKit::load(QDateTime::currentSecsSinceEpoch());
        QVERIFY(kit.hasValue());
        QVERIFY(writeHolderWithPortrait(*kit, dir.path(), jpeg));

        const QString link = dir.filePath(QStringLiteral("ttyNFC"));
        auto emu = startEmulator(link, {QStringLiteral("--card"), QStringLiteral("wallet"),
                                        QStringLiteral("--credential"), dir.filePath("cred.cose"),
                                        QStringLiteral("--device-key"), dir.filePath("device.pem"),
                                        QStringLiteral("--portrait"), dir.filePath("portrait.jpg")});
        Rig rig({{QStringLiteral("kiosk/auto_return_seconds"), 30}}, QStringLiteral("pn532_uart:") + link, {},
                [video] {
                    return std::make_unique<VideoFileSource>(video, VideoFileSource::Options{true, true});
                });
        QTRY_VERIFY_WITH_TIMEOUT(rig.window().statusStrip()->summary().contains(
                                     ui::StatusStrip::tr("%1 ready").arg(ui::StatusStrip::tr("NFC"))),
                                 kWaitMs);

        say(*emu, "place");
        QVERIFY(rig.waitVerdict(
            [](const ui::Verdict& v) { return v.result.valid && v.method == QLatin1String("nfc"); }));
        const ui::Verdict v = rig.result()->verdict();
        QVERIFY(v.faceOffered);
        QVERIFY(!v.faceUnavailable);
        QCOMPARE(v.photo.size(),
                 QSize(240, 296)); // the portrait, read over NFC and trusted by its signed hash
        ui::FacePanel* face = rig.result()->facePanel();
        QCOMPARE(face->state(), ui::FacePanel::State::Offered);
        say(*emu, "remove");

        // The guest consents; the camera shows only a printed photo: the prompt, then no live face.
        QSignalSpy finished(rig.kiosk->faceFeed(), &FaceFeed::finished);
        QSignalSpy spoken(rig.window().voice(), &ui::SpokenPrompts::rendered);
        QTest::mouseClick(face->consentButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(face->state(), ui::FacePanel::State::Running, kWaitMs);
        // The step is spoken as well as written (espeak-ng's Mandarin voice, rendered once).
        QTRY_VERIFY_WITH_TIMEOUT(!spoken.isEmpty(), kWaitMs);
        // (The prompt may have changed meanwhile: the photo's face comes and goes as it is moved.)
        const QString said = spoken.first().at(0).toString();
        QVERIFY2(said == ui::FacePanel::tr("Please look at the camera.") ||
                     said == ui::FacePanel::tr("We cannot see your face: please face the camera."),
                 qPrintable(said));
        QVERIFY(spoken.first().at(1).toBool());
        QVERIFY(!rig.window().voice()->renderedFile(said, QStringLiteral("zh_CN")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
        const auto result = finished.first().at(0).value<ui::FaceResultView>();
        QVERIFY2(!result.problem, qPrintable(face::faceCheckProblemName(
                                      result.problem.value_or(face::FaceCheckProblem::Unavailable))));
        QCOMPARE(result.outcome.liveness, QStringLiteral("liveness_timed_out"));
        QVERIFY(!result.outcome.distance.has_value()); // no match without a live face
        // The spy hears the face thread at once; the screen gets it through the event loop.
        QTRY_COMPARE_WITH_TIMEOUT(face->state(), ui::FacePanel::State::Done, kWaitMs);
        QCOMPARE(face->text(),
                 ui::FacePanel::tr("The live check was not passed. The clerk checks the photo."));
        QCOMPARE(rig.window().currentScreen(),
                 static_cast<QWidget*>(rig.result())); // not timed out under the check

        // The clerk's own check is required, then recorded with who and why.
        QTest::keyClicks(rig.result()->form()->firstField(), QStringLiteral("0808"));
        QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
        QCOMPARE(rig.result()->statusText(),
                 ui::ResultScreen::tr("Please fill in: %1")
                     .arg(ui::ResultScreen::tr("the clerk's check of the document photo")));
        QTest::keyClicks(face->reasonEdit(), QStringLiteral("looked at her and the photo: same woman"));
        QSignalSpy registered(&rig.kiosk->backend(), &KioskBackend::registered);
        QTest::mouseClick(rig.result()->registerButton(), Qt::LeftButton);
        QVERIFY(arrived(registered));
        const Registration r = registered.first().at(1).value<Registration>();
        QCOMPARE(r.details.value("face_check").toString(), QStringLiteral("not_live"));
        QCOMPARE(r.details.value("face_liveness").toString(), QStringLiteral("liveness_timed_out"));
        QCOMPARE(r.details.value("face_model").toString(), QStringLiteral("face-api-1.7.15"));
        QCOMPARE(r.details.value("face_clerk").toString(), QStringLiteral("DEMO-CLERK"));
        QCOMPARE(r.details.value("face_clerk_reason").toString(),
                 QStringLiteral("looked at her and the photo: same woman"));
        // Nothing of a face in the record: only words and numbers.
        for (auto it = r.details.begin(); it != r.details.end(); ++it)
            QVERIFY2(it.value().toString().size() < 100, qPrintable(it.key()));
    }
};

QTEST_MAIN(TestFaceDesk)
#include "tst_facedesk.moc"
