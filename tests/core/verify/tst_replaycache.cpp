// The replay cache remembers jti values until they expire, also across a restart, and
// survives a torn journal entry from a crash.
#include "verify/Clock.h"
#include "verify/ReplayCache.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace lz;

namespace {
// A journal in which these jtis were accepted at 1000 (expiring at 1330), as a terminal writes it.
void journalWith(const QString& path, std::initializer_list<const char*> jtis) {
    ReplayCache c(path, 1000, 1000);
    for (const char* jti : jtis)
        QVERIFY(!c.checkAndRecord(jti, 1330, 1000));
}
// Changes the journal's bytes behind the cache's back (damage, a power cut mid-append).
void editJournal(const QString& path, const std::function<void(QByteArray&)>& change) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    change(bytes);
    QVERIFY(f.resize(0) && f.seek(0) && f.write(bytes) == bytes.size());
}
} // namespace

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
    // Issue 14, finding 5: the journal fails closed.
    void compactionUsesTheTrustedTimeNotTheClock() {
        // One start with the clock an hour fast used to drop every entry; the same code was then
        // valid again once the clock was right.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 1000, 1000);
            QVERIFY(!c.checkAndRecord("aaaaaaaaaaaaaaaa", 1330, 1000));
        }
        { ReplayCache fastClock(path, 1000, 1000 + 3600); } // high-water mark 1000, clock an hour fast
        ReplayCache rightAgain(path, 1000, 1010);
        QVERIFY(rightAgain.contains("aaaaaaaaaaaaaaaa", 1010));
        // What had expired by the trusted time does go.
        ReplayCache later(path, 2000, 2000);
        QCOMPARE(later.size(), 0);
    }
    void damageFailsClosedUntilTheCodesHaveExpired() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        journalWith(path, {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"});
        // One corrupt length byte: b and everything after it is unreadable.
        editJournal(path, [](QByteArray& b) { b[b.indexOf("bbbbbbbbbbbbbbbb") - 1] = char(0x7f); });
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite) &&
                f.setFileTime(QDateTime::fromSecsSinceEpoch(1000), QFileDevice::FileModificationTime));
        f.close();
        {
            ReplayCache restarted(path, 1000, 1005);
            QVERIFY(restarted.contains("aaaaaaaaaaaaaaaa", 1005));
            // Anything made up to the damaged journal's last moment may be in it: refused.
            QVERIFY(restarted.mayHaveSeen(1000));
            QVERIFY(restarted.mayHaveSeen(900));
            // A fresh code passes: the window ends within a persist step and the skew of the mark.
            QVERIFY(!restarted.mayHaveSeen(1000 + TimeGuard::kPersistStep + ReplayCache::kMaxSkew + 1));
            QVERIFY(restarted.warning().contains(QLatin1String("damaged")));
            QVERIFY(QFile::exists(path + QStringLiteral(".corrupt")));
        }
        {
            // Every start says so, and the window survives a restart, until staff act.
            ReplayCache again(path, 1010, 1010);
            QVERIFY(again.mayHaveSeen(1000));
            QVERIFY(again.warning().contains(QLatin1String("damaged")));
        }
        QVERIFY(ReplayCache::acknowledgeDamage(path, 1020));
        {
            ReplayCache acknowledged(path, 1020, 1020);
            QVERIFY(acknowledged.warning().isEmpty());
            QVERIFY(acknowledged.mayHaveSeen(1000)); // the window is not staff's to close
        }
        // Once every code it covers has expired by the trusted time, the window is gone.
        ReplayCache expired(path, 1000 + TimeGuard::kPersistStep + 2 * ReplayCache::kMaxSkew + 300 + 1, 3000);
        QVERIFY(!expired.mayHaveSeen(1000));
    }
    void aDeletedOrEmptiedJournalFailsClosed() {
        // Review of issue 14: a terminal with a clock mark has verified before, so its journal
        // cannot just be gone; a fresh terminal (no mark) starts without a window.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        ReplayCache fresh(path, 0, 5000);
        QVERIFY(!fresh.mayHaveSeen(4000));
        QVERIFY(QFile::remove(path));
        ReplayCache deleted(path, 1000, 1000, ReplayCache::Mode::ReadWrite, true);
        QVERIFY(deleted.mayHaveSeen(1000));
        QVERIFY(!deleted.warning().isEmpty());
        QFile(path).resize(0);
        ReplayCache emptied(path, 1000, 1000, ReplayCache::Mode::ReadWrite, true);
        QVERIFY(emptied.mayHaveSeen(1000));
    }
    void aClockFarAheadAtStartDoesNotStretchTheWindow() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        journalWith(path, {"aaaaaaaaaaaaaaaa"});
        editJournal(path, [](QByteArray& b) {
            b += QByteArray("\x10"
                            "dd",
                            3);
        });                                       // torn
        ReplayCache c(path, 1000, 4'000'000'000); // the clock says 2096
        QVERIFY(c.mayHaveSeen(1000));
        QVERIFY(!c.mayHaveSeen(2000)); // the window ends near the trusted time, not in 2096
    }
    void aFlippedByteInsideAnEntryIsCaught() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        journalWith(path, {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"});
        // A jti that was never shown, if believed.
        editJournal(path, [](QByteArray& b) { b[b.indexOf("bbbbbbbbbbbbbbbb") + 3] = 'X'; });
        ReplayCache restarted(path, 1000, 1000);
        QVERIFY(!restarted.contains("bbbXbbbbbbbbbbbb", 1000));
        QVERIFY(restarted.mayHaveSeen(1000));
        QVERIFY(!restarted.warning().isEmpty());
    }
    void aTornTailFailsClosedWithoutAlarm() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        journalWith(path, {"aaaaaaaaaaaaaaaa"});
        // A power cut in the middle of an append.
        editJournal(path, [](QByteArray& b) {
            b += QByteArray("\x10"
                            "dddd",
                            5);
        });
        ReplayCache restarted(path, 1000, 1000);
        QVERIFY(restarted.mayHaveSeen(1000)); // the torn entry could have been any code
        QVERIFY(restarted.warning().isEmpty());
        QVERIFY(!QFile::exists(path + QStringLiteral(".corrupt")));
    }
    void readOnlyConsultsAndNeverWrites() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 1000, 1000);
            QVERIFY(!c.checkAndRecord("aaaaaaaaaaaaaaaa", 1330, 1000));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        { ReplayCache later(path, 5000, 5000, ReplayCache::Mode::ReadOnly); } // would compact it away
        {
            ReplayCache ro(path, 1000, 1000, ReplayCache::Mode::ReadOnly);
            QVERIFY(ro.checkAndRecord("aaaaaaaaaaaaaaaa", 1330, 1000)); // a replay here too
            QVERIFY(!ro.checkAndRecord("eeeeeeeeeeeeeeee", 1330, 1000));
            QVERIFY(ro.checkAndRecord("eeeeeeeeeeeeeeee", 1330, 1001)); // and within the run
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // not compacted against 5000, not appended to
    }
    void versionOneJournalIsReadAndUpgraded() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replay.journal"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x10") + "aaaaaaaaaaaaaaaa" + QByteArray::fromHex("0000000000000532"));
        f.close();
        {
            ReplayCache c(path, 1000, 1000);
            QVERIFY(c.contains("aaaaaaaaaaaaaaaa", 1000));
            QVERIFY(!c.mayHaveSeen(1000));
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("LZRJ2\n"));
        ReplayCache again(path, 1000, 1000);
        QVERIFY(again.contains("aaaaaaaaaaaaaaaa", 1000));
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
