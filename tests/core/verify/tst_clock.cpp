// The time guard persists the latest trusted time, writing only when it moves far enough.
#include "verify/Clock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestClock : public QObject {
    Q_OBJECT
private slots:
    void fixedClock() {
        FixedClock c(100);
        QCOMPARE(c.now(), 100);
        c.advance(5);
        QCOMPARE(c.now(), 105);
        c.set(7);
        QCOMPARE(c.now(), 7);
        QVERIFY(SystemClock().now() > 1700000000);
    }
    void highWaterPersists() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clock"));
        {
            TimeGuard g(path);
            QCOMPARE(g.highWater(), 0);
            g.observe(1000);
            g.observe(900); // never goes back
            QCOMPARE(g.highWater(), 1000);
            g.observe(1030); // < kPersistStep later: memory only
        }
        {
            TimeGuard g(path);
            QCOMPARE(g.highWater(), 1000);
            g.observe(1000 + TimeGuard::kPersistStep);
        }
        TimeGuard g(path);
        QCOMPARE(g.highWater(), 1000 + TimeGuard::kPersistStep);
    }
    void garbageFileIsIgnored() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clock"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("yesterday");
        f.close();
        const TimeGuard g(path);
        QCOMPARE(g.highWater(), 0);
        QVERIFY(g.warning().contains(QLatin1String("unreadable")));
        QVERIFY(TimeGuard().warning().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestClock)
#include "tst_clock.moc"
