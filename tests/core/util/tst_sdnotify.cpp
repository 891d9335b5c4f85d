// sd_notify's datagram (core/util/SdNotify): what a service manager listening on NOTIFY_SOCKET
// receives, and that nothing is sent (and nothing breaks) when no manager listens.
#include "NotifyListener.h"
#include "util/SdNotify.h"

#include <QTest>

using namespace lz;

class TestSdNotify : public QObject {
    Q_OBJECT
private slots:
    void cleanup() {
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
    }

    void anAbstractSocketGetsTheMessage() {
        test::NotifyListener manager;
        QVERIFY(manager.bound());
        qputenv("NOTIFY_SOCKET", manager.address().toLatin1());
        QVERIFY(sdNotify("READY=1\nSTATUS=up"));
        QCOMPARE(manager.next(5000), QByteArray("READY=1\nSTATUS=up"));
        QVERIFY(sdNotify("WATCHDOG=1"));
        QCOMPARE(manager.next(5000), QByteArray("WATCHDOG=1"));
    }

    void withoutAManagerNothingIsSent() {
        qunsetenv("NOTIFY_SOCKET");
        QVERIFY(!sdNotify("READY=1"));
        // Only a path or an abstract name is a notification socket.
        for (const char* bad : {"", "@", "relative/socket", "vsock:2:1234"}) {
            qputenv("NOTIFY_SOCKET", bad);
            QVERIFY2(!sdNotify("READY=1"), bad);
        }
        // A name nobody listens on: the send fails, it does not block or crash.
        qputenv("NOTIFY_SOCKET", "@lz-test-nobody-listens-here");
        QVERIFY(!sdNotify("READY=1"));
        qputenv("NOTIFY_SOCKET", QByteArray("/") + QByteArray(200, 'x'));
        QVERIFY(!sdNotify("READY=1"));
    }

    void theWatchdogIntervalComesFromWatchdogUsec() {
        qunsetenv("WATCHDOG_USEC");
        QCOMPARE(sdWatchdogIntervalMs(), 0);
        qputenv("WATCHDOG_USEC", "20000000");
        QCOMPARE(sdWatchdogIntervalMs(), 20000);
        for (const char* bad : {"", "-5", "20s", "0"}) {
            qputenv("WATCHDOG_USEC", bad);
            QCOMPARE(sdWatchdogIntervalMs(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestSdNotify)
#include "tst_sdnotify.moc"
