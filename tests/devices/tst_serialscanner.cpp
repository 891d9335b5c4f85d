// The serial-mode scanner through QSerialPort on a pseudo-terminal: scans split on the
// configured terminator, arrive whole even when the bytes come in pieces, over-long input is
// discarded with a named error, and a vanished port is reported and reopened.
#include "scanner/SerialScanner.h"

#include <QSignalSpy>
#include <QTest>

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace lz;

namespace {
struct Pty {
    int master = -1;
    QString slave;
    Pty() {
        master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0)
            slave = QString::fromLocal8Bit(ptsname(master));
    }
    ~Pty() {
        if (master >= 0)
            ::close(master);
    }
    void send(const QByteArray& b) const {
        QVERIFY(::write(master, b.constData(), size_t(b.size())) == b.size());
    }
};
} // namespace

class TestSerialScanner : public QObject {
    Q_OBJECT
private slots:
    void scansArriveWhole() {
        Pty pty;
        QVERIFY(!pty.slave.isEmpty());
        SerialScanner scanner({pty.slave, 115200, "\r", 4400});
        QSignalSpy scans(&scanner, &SerialScanner::scanned);
        QSignalSpy presence(&scanner, &SerialScanner::presenceChanged);
        scanner.start();
        QVERIFY(scanner.isOpen());
        QCOMPARE(presence.first().at(0).toBool(), true);
        pty.send("LZ1:ABC DEF");
        QTest::qWait(50);
        pty.send("%*+-./:\rLZ1:SECOND\r");
        QTRY_COMPARE(scans.size(), 2);
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("LZ1:ABC DEF%*+-./:"));
        QCOMPARE(scans.at(1).at(0).toString(), QStringLiteral("LZ1:SECOND"));
    }
    void otherTerminatorAndOverflow() {
        Pty pty;
        SerialScanner scanner({pty.slave, 9600, "\r\n", 64});
        QSignalSpy scans(&scanner, &SerialScanner::scanned);
        scanner.start();
        pty.send(QByteArray(100, 'A')); // no terminator within the limit
        QTest::qWait(100);
        pty.send("TAIL\r\nLZ1:OK\r\n");
        QTRY_COMPARE(scans.size(), 1);
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("LZ1:OK"));
        QVERIFY(scanner.lastError().contains(QLatin1String("without a terminator")));
    }
    void absentPortIsReportedAndRetried() {
        SerialScanner scanner({QStringLiteral("/dev/liangzheng-no-scanner"), 9600, "\r", 4400});
        QSignalSpy presence(&scanner, &SerialScanner::presenceChanged);
        scanner.start();
        QVERIFY(!scanner.isOpen());
        QVERIFY(presence.size() >= 1);
        QCOMPARE(presence.first().at(0).toBool(), false);
        QVERIFY(presence.first().at(1).toString().contains(QLatin1String("cannot be opened")));
        QTRY_VERIFY_WITH_TIMEOUT(presence.size() >= 2, 3000); // it keeps trying, with backoff
        scanner.stop();
    }
};

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
