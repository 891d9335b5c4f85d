// Enrolment at the desk in staff mode (issue 19): a terminal fresh from the package, enrolled
// through the real screens — the notice's button, the first PIN, venue, terminal id, the trust
// list from a stick, the gateway's key and request (written to the stick and shown as a QR code
// that decodes back to the very request), the certificate the CA signed, the self-test — with the
// same steps as `liangzheng-cli enrol`, and the sign-in that guards it once a PIN exists.
#include "common/Enrolment.h"
#include "common/TerminalConfig.h"
#include "integration/RunTool.h"
#include "kiosk/EnrolmentDesk.h"
#include "kiosk/KioskBackend.h"
#include "qr/QrImageDecoder.h"
#include "ui/EnrolmentScreen.h"
#include "ui/NotEnrolledScreen.h"
#include "ui/PinPad.h"
#include "util/StateLock.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/core/mat.hpp>

using namespace lz;

class TestEnrolmentDesk : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    bool openssl(const QStringList& args) const {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    EnrolmentStatus status() const {
        return enrolmentStatus(path("liangzheng.conf"), QDateTime::currentSecsSinceEpoch());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The supplier's stick: the trust list and its anchor, the gateway's CA.
        QVERIFY(QDir().mkpath(path("stick")));
        for (const auto& [file, alg] : {std::pair{"anchor.pem", "ES256"}, {"issuer.pem", "EdDSA"}})
            QCOMPARE(run(QStringLiteral("lz-issuer"),
                         {QStringLiteral("keygen"), QStringLiteral("--alg"), QString::fromLatin1(alg),
                          QStringLiteral("--out"), path(file)})
                         .code,
                     0);
        QCOMPARE(run(QStringLiteral("lz-issuer"),
                     {QStringLiteral("pubkey"), QStringLiteral("--key"), path("anchor.pem"),
                      QStringLiteral("--out"), path("stick/anchor-a.pub.pem")})
                     .code,
                 0);
        QVERIFY(writeText(
            path("spec.json"),
            R"({"issuers":[{"kid":"ed-1","code":"TEST","name":"Test","public_key":"issuer.pem"}]})"));
        QCOMPARE(run(QStringLiteral("lz-issuer"),
                     {QStringLiteral("trust-list"), QStringLiteral("--anchor-key"), path("anchor.pem"),
                      QStringLiteral("--anchor-kid"), QStringLiteral("a"), QStringLiteral("--spec"),
                      path("spec.json"), QStringLiteral("--sequence"), QStringLiteral("1"),
                      QStringLiteral("--out"), path("stick/trust-list.cose")})
                     .code,
                 0);
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=Test terminal CA"), QStringLiteral("-keyout"), path("ca.key"),
                         QStringLiteral("-out"), path("stick/gateway-ca.pem")}));
        // The package's defaults, as a lab without a police gateway sets them; the desk camera is a
        // stand-in file (the self-test checks that the configured device is there).
        QVERIFY(writeText(path("desk.avi"), "a stand-in"));
        QVERIFY(writeText(path("liangzheng.conf"),
                          QStringLiteral(";packaged defaults\n[state]\ndir=state\n[venue]\ntype=hotel\n"
                                         "[enrol]\nrequire_gateway=false\n[kiosk]\ncamera=%1\n")
                              .arg(path("desk.avi"))
                              .toUtf8()));
    }

    void enrolAtTheDesk() {
        EnrolmentDesk desk(path("liangzheng.conf"));
        desk.show(status());
        desk.window()->resize(1280, 800);
        desk.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk.window()));
        ui::EnrolmentScreen* screen = desk.screen();
        QCOMPARE(desk.window()->currentWidget(), desk.notice());

        // No PIN yet: the button leads straight to the first step, choosing it.
        desk.notice()->enrolButton()->click();
        QCOMPARE(desk.window()->currentWidget(), screen);
        QCOMPARE(screen->currentStep(), QStringLiteral("pin"));
        QTest::keyClicks(screen->pinField(), QStringLiteral("2468"));
        QTest::keyClicks(screen->pinRepeatField(), QStringLiteral("2469"));
        screen->button(QStringLiteral("savePin"))->click();
        QVERIFY(!status().steps.at(0).done); // two different PINs: nothing saved
        screen->pinField()->clear();
        screen->pinRepeatField()->clear();
        QTest::keyClicks(screen->pinField(), QStringLiteral("12"));
        QTest::keyClicks(screen->pinRepeatField(), QStringLiteral("12"));
        screen->button(QStringLiteral("savePin"))->click();
        QVERIFY2(screen->messageText().contains(QStringLiteral("pin_unacceptable")),
                 qPrintable(screen->messageText()));
        QTest::keyClicks(screen->pinField(), QStringLiteral("2468"));
        QTest::keyClicks(screen->pinRepeatField(), QStringLiteral("2468"));
        screen->button(QStringLiteral("savePin"))->click();
        QVERIFY(status().steps.at(0).done);
        QVERIFY(screen->pinField()->text().isEmpty()); // the PIN does not stay in the field
        QCOMPARE(screen->currentStep(), QStringLiteral("venue"));

        screen->venueTypeBox()->setCurrentIndex(
            screen->venueTypeBox()->findData(QStringLiteral("internet_cafe")));
        QTest::keyClicks(screen->venueIdField(), QStringLiteral("V440106001"));
        screen->venueNameField()->setText(QStringLiteral("星海网吧")); // typed through an input method
        screen->button(QStringLiteral("saveVenue"))->click();
        QCOMPARE(screen->currentStep(), QStringLiteral("terminal"));

        QTest::keyClicks(screen->terminalIdField(), QStringLiteral("../x"));
        screen->button(QStringLiteral("saveTerminal"))->click();
        QVERIFY(screen->messageText().contains(QStringLiteral("terminal_id_invalid")));
        QCOMPARE(screen->currentStep(), QStringLiteral("terminal"));
        screen->terminalIdField()->setText(QStringLiteral("T-07"));
        screen->button(QStringLiteral("saveTerminal"))->click();
        QCOMPARE(screen->currentStep(), QStringLiteral("trust"));

        // The stick: a wrong path says so by name; the right one installs the list.
        screen->stickBox()->setEditText(path("no-stick"));
        screen->button(QStringLiteral("importTrust"))->click();
        QVERIFY(screen->messageText().contains(QStringLiteral("stick_missing")));
        screen->stickBox()->setEditText(path("stick"));
        screen->button(QStringLiteral("importTrust"))->click();
        QVERIFY2(!screen->messageText().contains(QLatin1Char('(')), qPrintable(screen->messageText()));
        QCOMPARE(screen->currentStep(), QStringLiteral("gateway"));
        // The defaults name no anchor: fetching the list from the gateway is not offered.
        QVERIFY(!screen->button(QStringLiteral("trustFromGateway"))->isEnabled());

        // The gateway: the key made here, the request on the stick and as a QR code.
        QTest::keyClicks(screen->gatewayUrlField(), QStringLiteral("http://gateway.example"));
        screen->button(QStringLiteral("makeRequest"))->click();
        QVERIFY(screen->messageText().contains(QStringLiteral("gateway_url_invalid")));
        screen->gatewayUrlField()->setText(QStringLiteral("https://127.0.0.1:9"));
        screen->button(QStringLiteral("makeRequest"))->click();
        QVERIFY2(screen->showingRequestQr(), qPrintable(screen->messageText()));
        const QString csr = path("stick/liangzheng-T-07.csr.pem");
        QFile csrFile(csr);
        QVERIFY(csrFile.open(QIODevice::ReadOnly));
        const QByteArray csrPem = csrFile.readAll();
        const QImage qr = screen->findChild<QLabel*>(QStringLiteral("requestQr"))
                              ->pixmap()
                              .toImage()
                              .convertToFormat(QImage::Format_Grayscale8);
        const cv::Mat gray(qr.height(), qr.width(), CV_8UC1, const_cast<uchar*>(qr.constBits()),
                           size_t(qr.bytesPerLine()));
        const auto decoded = QrImageDecoder().decode(gray);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error()));
        QCOMPARE(decoded->text.toLatin1(), csrPem); // the phone gets the very request
        QCOMPARE(screen->currentStep(), QStringLiteral("certificate"));

        // The police's terminal CA signs it (here: openssl x509 -req with the test CA).
        QVERIFY(writeText(path("ext.cnf"), "extendedKeyUsage=clientAuth\n"));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                         QStringLiteral("-CA"), path("stick/gateway-ca.pem"), QStringLiteral("-CAkey"),
                         path("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                         QStringLiteral("30"), QStringLiteral("-extfile"), path("ext.cnf"),
                         QStringLiteral("-out"), path("stick/T-07.pem")}));
        screen->button(QStringLiteral("refreshMedia"))->click();
        screen->stickBox()->setEditText(path("stick"));
        screen->showStep(QStringLiteral("trust"));
        screen->showStep(QStringLiteral("certificate")); // the page lists the stick's certificates
        // Only certificates are offered: not the request, the CA or the anchor.
        QCOMPARE(screen->certificateBox()->count(), 1);
        QCOMPARE(screen->certificateBox()->currentText(), QStringLiteral("T-07.pem"));
        screen->button(QStringLiteral("importCertificate"))->click();
        QVERIFY2(status().steps.at(5).done, qPrintable(screen->messageText()));
        QCOMPARE(screen->currentStep(), QStringLiteral("self_test"));

        // The self-test: the gateway cannot be reached (not required in this lab), the rest passes.
        QSignalSpy passed(&desk, &EnrolmentDesk::selfTestPassed);
        screen->button(QStringLiteral("runSelfTest"))->click();
        QCOMPARE(passed.count(), 1);
        QCOMPARE(screen->currentStep(), QStringLiteral("self_test")); // the checks stay in view
        QVERIFY2(screen->selfTestText().contains(QStringLiteral("✓")), qPrintable(screen->selfTestText()));
        QVERIFY(status().complete());
        QVERIFY(status().completed);

        // What was written went to the settings, never the defaults.
        QFile defaults(path("liangzheng.conf"));
        QVERIFY(defaults.open(QIODevice::ReadOnly));
        const QByteArray text = defaults.readAll();
        QVERIFY(!text.contains("pin_hash") && !text.contains("T-07"));
    }

    // Once a PIN exists, the enrolment screens are behind the administrator's sign-in.
    void signInGuardsTheScreens() {
        EnrolmentDesk desk(path("liangzheng.conf"));
        desk.window()->show();
        desk.notice()->enrolButton()->click();
        QCOMPARE(desk.window()->currentWidget(), desk.pinPad());
        QTest::keyClicks(desk.pinPad()->field(), QStringLiteral("1111"));
        QTest::keyClick(desk.pinPad()->field(), Qt::Key_Return);
        QCOMPARE(desk.window()->currentWidget(), desk.pinPad());
        QVERIFY(!desk.pinPad()->message().isEmpty());
        // A clerk's number with the administrator's PIN is no way in.
        QTest::keyClicks(desk.pinPad()->staffField(), QStringLiteral("C01"));
        QTest::keyClicks(desk.pinPad()->field(), QStringLiteral("2468"));
        QTest::keyClick(desk.pinPad()->field(), Qt::Key_Return);
        QCOMPARE(desk.window()->currentWidget(), desk.pinPad());
        QVERIFY2(desk.pinPad()->message().contains(QStringLiteral("3 tries left")),
                 qPrintable(desk.pinPad()->message())); // it counted like a wrong PIN
        desk.pinPad()->staffField()->clear();
        QTest::keyClicks(desk.pinPad()->field(), QStringLiteral("2468"));
        QTest::keyClick(desk.pinPad()->field(), Qt::Key_Return);
        QCOMPARE(desk.window()->currentWidget(), desk.screen());
        // What is already there is filled in; leaving goes back to the notice.
        QCOMPARE(desk.screen()->terminalIdField()->text(), QStringLiteral("T-07"));
        QCOMPARE(desk.screen()->venueTypeBox()->currentData().toString(), QStringLiteral("internet_cafe"));
        desk.screen()->button(QStringLiteral("leaveEnrolment"))->click();
        QCOMPARE(desk.window()->currentWidget(), desk.notice());
    }

    // A terminal in use (it has a registration log) whose PIN is gone — a broken configuration
    // shows the notice too — lets nobody in without one: the PIN is set at the console.
    void aTerminalInUseIsNoWayInWithoutAPin() {
        QVERIFY(QDir().mkpath(path("used-state")));
        QVERIFY(writeText(path("used-state/registrations.db"), "a log"));
        QVERIFY(writeText(path("used.conf"), "[state]\ndir=used-state\n[venue]\ntype=hotel\n"));
        EnrolmentDesk desk(path("used.conf"));
        desk.window()->show();
        desk.notice()->enrolButton()->click();
        QCOMPARE(desk.window()->currentWidget(), desk.pinPad());
        QVERIFY(desk.pinPad()->message().contains(QStringLiteral("staff set-pin")));
        QTest::keyClicks(desk.pinPad()->field(), QStringLiteral("1234"));
        QTest::keyClick(desk.pinPad()->field(), Qt::Key_Return);
        QCOMPARE(desk.window()->currentWidget(), desk.pinPad());
    }

    // The gate hands over to the kiosk the moment a self-test passes; a liangzheng-cli command
    // (a backup, staff at the console) may still hold the state then. The kiosk waits for it
    // instead of starting broken (it used to fail at once with state_in_use).
    void kioskWaitsForTheStateACommandHolds() {
        auto config = TerminalConfig::fromFile(path("liangzheng.conf"));
        QVERIFY2(config, qPrintable(config ? QString() : config.error()));
        auto held = StateLock::acquire(path("state/terminal.lock"));
        QVERIFY(held);
        KioskBackend backend(*config, QString());
        QSignalSpy opened(&backend, &KioskBackend::opened);
        QMetaObject::invokeMethod(&backend, &KioskBackend::open, Qt::QueuedConnection);
        QTest::qWait(1200); // the command still at work
        QCOMPARE(opened.count(), 0);
        held->reset(); // the command ends
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
    }
};

QTEST_MAIN(TestEnrolmentDesk)
#include "tst_enrolmentdesk.moc"
