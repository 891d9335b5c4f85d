// The kiosk under systemd's watchdog (app/kiosk/ServiceWatchdog, packaging/systemd/
// liangzheng-kiosk.service): the real program, started the way systemd starts it (NOTIFY_SOCKET,
// WATCHDOG_USEC), says READY=1 once its window is up, pings from its UI thread, and stops pinging
// when that thread freezes, so that systemd kills it and starts it again.
#include "NotifyListener.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace lz;

class TestServiceWatchdog : public QObject {
    Q_OBJECT
private slots:
    void readyThenPingsThenSilenceOnceTheUiThreadFreezes() {
        test::NotifyListener systemd;
        QVERIFY(systemd.bound());
        QTemporaryDir state;
        QProcess kiosk;
        QTemporaryDir tmp;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), systemd.address());
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000")); // a ping every 200 ms
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Its own temporary directory: the kiosk's one-per-user lock lives there, and other tests
        // start kiosks at the same time (ctest -j).
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        kiosk.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng"),
                    {QStringLiteral("--demo"), QStringLiteral("--windowed"), QStringLiteral("--state-dir"),
                     state.path(), QStringLiteral("--nfc"), QStringLiteral("none"),
                     QStringLiteral("--id-card"), QStringLiteral("none"),
                     QStringLiteral("--test-freeze-on-sigusr2")});
        QVERIFY(kiosk.waitForStarted());

        QList<QByteArray> seen;
        QVERIFY2(systemd.waitFor("READY=1", 120000, &seen), "the kiosk never said READY=1");
        QVERIFY(!seen.join().contains("WATCHDOG=1")); // ready first, then the pings
        for (int i = 0; i < 3; ++i)
            QVERIFY2(systemd.waitFor("WATCHDOG=1", 60000), "the kiosk's UI thread stopped pinging");

        // A frozen UI thread: its last word, then silence however long systemd waits.
        ::kill(pid_t(kiosk.processId()), SIGUSR2);
        seen.clear();
        QVERIFY(systemd.waitFor("STATUS=frozen by SIGUSR2 (watchdog test)", 60000, &seen));
        for (QByteArray m = systemd.next(2000); !m.isEmpty(); m = systemd.next(2000))
            QVERIFY2(!m.split('\n').contains("WATCHDOG=1"), "a frozen kiosk still pinged the watchdog");
        QCOMPARE(kiosk.state(), QProcess::Running); // hung, not gone: only the watchdog ends it
        kiosk.kill();
        QVERIFY(kiosk.waitForFinished(30000));
    }

    void runByHandItSendsNothing() {
        // No NOTIFY_SOCKET (a clerk's desktop, a test): the kiosk starts and quits as before.
        QTemporaryDir state;
        QProcess kiosk;
        QTemporaryDir tmp;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("NOTIFY_SOCKET"));
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Its own temporary directory: the kiosk's one-per-user lock lives there, and other tests
        // start kiosks at the same time (ctest -j).
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        kiosk.setProcessEnvironment(env);
        kiosk.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng"),
                    {QStringLiteral("--demo"), QStringLiteral("--windowed"), QStringLiteral("--state-dir"),
                     state.path(), QStringLiteral("--nfc"), QStringLiteral("none"),
                     QStringLiteral("--id-card"), QStringLiteral("none"), QStringLiteral("--quit-after"),
                     QStringLiteral("2")});
        QVERIFY(kiosk.waitForFinished(120000));
        QCOMPARE(kiosk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(kiosk.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceWatchdog)
#include "tst_servicewatchdog.moc"
