// A terminal installed from the package (app/kiosk/EnrolmentGate): the real kiosk started on
// defaults that cannot run a terminal shows why and verifies nobody (READY=1 with a
// "not_enrolled: …" status), and once staff have enrolled it with liangzheng-cli — while it
// runs — it starts the kiosk by itself, without a restart.
#include "NotifyListener.h"
#include "integration/RunTool.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestEnrolmentGate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    Run cli(const QStringList& args, const QByteArray& input = {}) const {
        return run(QStringLiteral("liangzheng-cli"),
                   QStringList{QStringLiteral("--config"), path("liangzheng.conf")} + args, input);
    }

private slots:
    void notEnrolledThenEnrolledWhileRunning() {
        QVERIFY(m_dir.isValid());
        // The stick's trust list, and a desk camera that is a video file.
        for (const auto& [file, alg] : {std::pair{"anchor.pem", "ES256"}, {"issuer.pem", "EdDSA"}})
            QCOMPARE(run(QStringLiteral("lz-issuer"),
                         {QStringLiteral("keygen"), QStringLiteral("--alg"), QString::fromLatin1(alg),
                          QStringLiteral("--out"), path(file)})
                         .code,
                     0);
        QVERIFY(QDir().mkpath(path("stick")));
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
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     {QStringLiteral("--demo"), QStringLiteral("--state-dir"), path("video-state"),
                      QStringLiteral("demo-video"), path("desk.avi"), QStringLiteral("--seconds"),
                      QStringLiteral("2")})
                     .code,
                 0);
        // The package's defaults, as a lab without a police gateway sets them.
        QVERIFY(writeText(
            path("liangzheng.conf"),
            QStringLiteral("[state]\ndir=state\n[venue]\ntype=hotel\n[enrol]\nrequire_gateway=false\n"
                           "[kiosk]\ncamera=%1\n")
                .arg(path("desk.avi"))
                .toUtf8()));

        test::NotifyListener systemd;
        QVERIFY(systemd.bound());
        QProcess kiosk;
        QTemporaryDir tmp;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), systemd.address());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Its own temporary directory: the kiosk's one-per-user lock lives there, and other tests
        // start kiosks at the same time (ctest -j).
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        kiosk.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng"),
                    {QStringLiteral("--config"), path("liangzheng.conf"), QStringLiteral("--windowed"),
                     QStringLiteral("--nfc"), QStringLiteral("none"), QStringLiteral("--id-card"),
                     QStringLiteral("none")});
        QVERIFY(kiosk.waitForStarted());
        // Why first, then the screen drawn.
        QVERIFY(systemd.waitFor("STATUS=not_enrolled: pin: the staff PIN is not set", 120000));
        QVERIFY2(systemd.waitFor("READY=1", 60000), "no first screen");
        QCOMPARE(kiosk.state(), QProcess::Running);

        // Staff enrol it while it runs.
        QCOMPARE(cli({QStringLiteral("staff"), QStringLiteral("set-pin")}, "2468\n").code, 0);
        QCOMPARE(cli({QStringLiteral("enrol"), QStringLiteral("venue"), QStringLiteral("--type"),
                      QStringLiteral("hotel"), QStringLiteral("--id"), QStringLiteral("V440106001")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("enrol"), QStringLiteral("terminal"), QStringLiteral("--id"),
                      QStringLiteral("T-01")})
                     .code,
                 0);
        Run r = cli({QStringLiteral("enrol"), QStringLiteral("trust"), path("stick")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(kiosk.state(), QProcess::Running); // enrolment begun, not finished: still waiting
        r = cli({QStringLiteral("enrol"), QStringLiteral("self-test")});
        QVERIFY2(r.code == 0, r.out.constData());

        QList<QByteArray> seen;
        QVERIFY2(systemd.waitFor("STATUS=enrolled: starting the kiosk", 60000, &seen),
                 "the kiosk did not notice");
        QVERIFY2(systemd.waitFor("READY=1", 120000, &seen), "the kiosk did not start after enrolment");
        // Leaving the not-enrolled screen is no stop: STOPPING=1 would have systemd kill the kiosk
        // (TimeoutStopSec) while it serves.
        for (const QByteArray& m : seen)
            QVERIFY2(!m.split('\n').contains("STOPPING=1"), m.constData());
        QCOMPARE(kiosk.state(), QProcess::Running);
        // Now it owns the terminal's state: another process cannot register behind its back.
        r = cli({QStringLiteral("log"), QStringLiteral("status")});
        QVERIFY(r.code != 0 && r.err.contains("state_in_use"));
        kiosk.terminate();
        QVERIFY(kiosk.waitForFinished(60000));
    }
};

QTEST_GUILESS_MAIN(TestEnrolmentGate)
#include "tst_enrolmentgate.moc"
