// The replay cache remembers jti values until they expire, also across a restart, and
// survives a torn journal entry from a crash.
#include "verify/ReplayCache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestReplayCache : public QObject {
    Q_OBJECT
private slots:
    void seenTwiceInsideWindow() {
        ReplayCache c;
        QVERIFY(!c.checkAndRecord("jti-1", 1000, 900));
        QVERIFY(c.checkAndRecord("jti-1", 1000, 950));
        QVERIFY(!c.checkAndRecord("jti-2", 1000, 950));
        // After expiry the jti is forgotten (the presentation itself is then expired anyway).
        QVERIFY(!c.checkAndRecord("jti-1", 2000, 1001));
    }
    void survivesRestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 100);
            QVERIFY(!c.checkAndRecord("aaaaaaaaaaaaaaaa", 500, 100));
            QVERIFY(!c.checkAndRecord("bbbbbbbbbbbbbbbb", 150, 100));
        }
        ReplayCache restarted(path, 200); // b expired at 150
        QVERIFY(restarted.contains("aaaaaaaaaaaaaaaa", 200));
        QVERIFY(!restarted.contains("bbbbbbbbbbbbbbbb", 200));
        QCOMPARE(restarted.size(), 1);
        QVERIFY(restarted.checkAndRecord("aaaaaaaaaaaaaaaa", 500, 201));
    }
    void tornLastEntryIsIgnored() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 100);
            QVERIFY(!c.checkAndRecord("cccccccccccccccc", 500, 100));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray("\x10"
                           "dddd",
                           5)); // a crash in the middle of an entry
        f.close();
        ReplayCache restarted(path, 100);
        QVERIFY(restarted.contains("cccccccccccccccc", 100));
        QCOMPARE(restarted.size(), 1);
        QVERIFY(!restarted.checkAndRecord("eeeeeeeeeeeeeeee", 500, 100));
        ReplayCache again(path, 100);
        QCOMPARE(again.size(), 2);
    }
    void damagedJournalIsReportedAndKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 100);
            QVERIFY(!c.checkAndRecord("ffffffffffffffff", 500, 100));
            QVERIFY(c.warning().isEmpty());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(30, '\0')); // not a torn entry: a zero length byte is never written
        f.close();
        ReplayCache restarted(path, 100);
        QVERIFY(restarted.contains("ffffffffffffffff", 100));
        QVERIFY(restarted.warning().contains(QLatin1String("corrupt")));
        QVERIFY(QFile::exists(path + QStringLiteral(".corrupt")));
    }
    void manyEntriesArePruned() {
        ReplayCache c;
        for (int i = 0; i < 10000; ++i)
            QVERIFY(!c.checkAndRecord(QByteArray::number(i).rightJustified(16, '0'), i + 300, i));
        QVERIFY(c.size() < 10000); // expired ones dropped on the way
        QVERIFY(c.contains(QByteArray::number(9999).rightJustified(16, '0'), 9999));
    }
};

QTEST_APPLESS_MAIN(TestReplayCache)
#include "tst_replaycache.moc"
