// Issue 14, finding 1: a full disk must never destroy a state file. Each durable file of the
// terminal is written once while there is room, then again on a filesystem with no room left (a
// real tmpfs, SmallDisk.h): the write must fail with a named error and the file must still hold
// what it held before. Before the fix QSaveFile reported success and left empty files here.
#include "../SmallDisk.h"
#include "../TestWorld.h"
#include "log/FieldKeys.h"
#include "log/TerminalKey.h"
#include "staff/StaffPin.h"
#include "trust/TrustStore.h"
#include "util/DurableFile.h"
#include "verify/Clock.h"
#include "verify/ReplayCache.h"

#include <QDateTime>
#include <QDir>
#include <QSettings>

using namespace lz;
using namespace lz::test;

namespace {
QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// Nothing but the files named is left in the directory (no temporaries from failed writes).
QStringList strayFiles(const QString& dir) {
    QStringList out;
    for (const QString& name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
        if (!name.startsWith(QLatin1String("filler-")))
            out.append(name);
    return out;
}
} // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
private slots:
    void durableWriteOnAFullDisk() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("state"));
        QVERIFY(writeFileDurably(path, "first").hasValue());
        disk.fill();
        const auto full = writeFileDurably(path, QByteArray(100, 'n'));
        QVERIFY(!full);
        QVERIFY2(full.error().code == FileError::DiskFull, qPrintable(full.error().text()));
        QCOMPARE(contents(path), QByteArray("first"));
        QCOMPARE(strayFiles(disk.path()), QStringList{QStringLiteral("state")});
    }
    void durableWriteThatRunsOutHalfway() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("state"));
        QVERIFY(writeFileDurably(path, "first").hasValue());
        disk.fill(8192); // room for two pages of the sixteen written
        const auto half = writeFileDurably(path, QByteArray(65536, 'n'));
        QVERIFY(!half);
        QVERIFY2(half.error().code == FileError::DiskFull, qPrintable(half.error().text()));
        QCOMPARE(contents(path), QByteArray("first"));
        QCOMPARE(strayFiles(disk.path()), QStringList{QStringLiteral("state")});
        disk.drain();
        QVERIFY(writeFileDurably(path, QByteArray(65536, 'n')).hasValue());
        QCOMPARE(contents(path).size(), 65536);
    }
    void durableWriteKeepsOrSetsTheMode() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f"));
        QVERIFY(writeFileDurably(path, "a").hasValue());
        QCOMPARE(QFile(path).permissions() & 0x0777, QFileDevice::ReadUser | QFileDevice::WriteUser);
        QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
        QVERIFY(writeFileDurably(path, "b", kKeepMode).hasValue());
        QVERIFY(QFile(path).permissions() & QFileDevice::ReadGroup);
        QVERIFY(!writeFileDurably(dir.filePath(QStringLiteral("no/such/dir/f")), "c").hasValue());
    }

    void staleTemporariesAreSwept() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clock-high-water"));
        const QString old = dir.filePath(QStringLiteral(".clock-high-water.new-AbC123"));
        const QString young = dir.filePath(QStringLiteral(".clock-high-water.new-XyZ789"));
        for (const QString& t : {old, young}) {
            QFile f(t);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        {
            QFile f(old);
            QVERIFY(f.open(QIODevice::ReadWrite) &&
                    f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                  QFileDevice::FileModificationTime));
        }
        QVERIFY(writeFileDurably(path, "1").hasValue());
        QVERIFY(!QFile::exists(old));  // a crash's leftover, an hour old
        QVERIFY(QFile::exists(young)); // perhaps another process's write in progress
    }
    void fieldKeyRotation() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("log-fields.key"));
        auto keys = FieldKeys::openOrCreate(path);
        QVERIFY(keys.hasValue());
        const QByteArray before = contents(path);
        disk.fill();
        const auto rotated = keys->rotate();
        QVERIFY(!rotated);
        QVERIFY2(rotated.error().code == LogError::DiskFull, qPrintable(rotated.error().text()));
        QCOMPARE(keys->currentId(), 1u); // the old key stays current
        QCOMPARE(contents(path), before);
        disk.drain();
        QVERIFY(FieldKeys::openOrCreate(path).hasValue());
    }
    void terminalKeyCreation() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("terminal.key"));
        disk.fill();
        const auto key = loadOrCreateTerminalKey(path);
        QVERIFY(!key);
        QVERIFY2(key.error().code == LogError::DiskFull, qPrintable(key.error().text()));
        QVERIFY(!QFile::exists(path)); // no empty key file that the next start would trip over
        disk.drain();
        QVERIFY(loadOrCreateTerminalKey(path).hasValue());
    }
    void trustListInstall() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        TestWorld world;
        const QString cache = disk.path(QStringLiteral("trust-list.cose"));
        const QString seq = disk.path(QStringLiteral("trust-sequence"));
        {
            TrustStore store({world.anchor()}, cache, seq);
            QVERIFY(store.install(world.signedList(world.trustList(kNow, 1))).hasValue());
            disk.fill();
            const auto second = store.install(world.signedList(world.trustList(kNow + 60, 2)));
            QVERIFY(!second);
            QCOMPARE(second.error().code, TrustError::CacheUnwritable);
            QVERIFY2(second.error().text().contains(QLatin1String("disk_full")),
                     qPrintable(second.error().text()));
            QCOMPARE(store.current()->sequence, quint64(1)); // not half installed either
        }
        TrustStore restarted({world.anchor()}, cache, seq);
        QVERIFY(restarted.loadCached().hasValue());
        QCOMPARE(restarted.current()->sequence, quint64(1));
        QCOMPARE(contents(seq), QByteArray("1"));
    }
    void replayJournalCompaction() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("replay.journal"));
        {
            ReplayCache c(path, 100);
            QVERIFY(!c.checkAndRecord("aaaaaaaaaaaaaaaa", 500, 100));
            QVERIFY(!c.checkAndRecord("bbbbbbbbbbbbbbbb", 500, 100));
        }
        disk.fill();
        {
            ReplayCache restarted(path, 200); // compacts at start: the disk is full
            QVERIFY(restarted.contains("aaaaaaaaaaaaaaaa", 200));
            QVERIFY(!restarted.warning().isEmpty());
            // Recording goes on in memory, and the journal says it could not keep up.
            QVERIFY(!restarted.checkAndRecord("cccccccccccccccc", 500, 200));
            QVERIFY(restarted.checkAndRecord("cccccccccccccccc", 500, 201));
        }
        disk.drain();
        ReplayCache again(path, 200);
        QVERIFY(again.contains("aaaaaaaaaaaaaaaa", 200));
        QVERIFY(again.contains("bbbbbbbbbbbbbbbb", 200));
    }
    void clockHighWaterMark() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("clock-high-water"));
        {
            TimeGuard g(path);
            g.observe(1'000'000);
        }
        disk.fill();
        {
            TimeGuard g(path);
            g.observe(2'000'000);
            QCOMPARE(g.highWater(), qint64(2'000'000)); // held in memory
            QVERIFY2(g.warning().contains(QLatin1String("disk_full")), qPrintable(g.warning()));
        }
        TimeGuard restarted(path);
        QVERIFY(restarted.warning().isEmpty());
        QCOMPARE(restarted.highWater(), qint64(1'000'000));
    }
    void pinLockoutState() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("pin-state.json"));
        const QString stored = *staff::hashPin(QStringLiteral("1234"), 1000);
        staff::PinPolicy policy;
        policy.maxFailures = 2;
        {
            staff::PinGuard g(path, policy);
            g.attempt(QStringLiteral("0000"), stored, 1000);
            QCOMPARE(g.attempt(QStringLiteral("0000"), stored, 1000).outcome, staff::PinOutcome::Wrong);
        }
        const QByteArray locked = contents(path);
        QVERIFY(locked.contains("locked_until"));
        disk.fill();
        {
            staff::PinGuard g(path, policy);
            const auto a = g.attempt(QStringLiteral("0000"), stored, 5000); // after the lockout
            QVERIFY2(a.error.contains(QLatin1String("disk_full")), qPrintable(a.error));
        }
        QCOMPARE(contents(path), locked);
    }
    void settingsEdit() {
        SmallDisk disk;
        LZ_NEED_SMALL_DISK(disk);
        const QString path = disk.path(QStringLiteral("liangzheng.conf"));
        QVERIFY(editSettingsDurably(path, [](QSettings& s) {
                    s.setValue(QStringLiteral("trust/anchors"), QStringLiteral("a=anchor.pem"));
                    s.setValue(QStringLiteral("kiosk/pin_hash"), QStringLiteral("old"));
                }).hasValue());
        const QByteArray before = contents(path);
        QVERIFY(before.contains("anchor.pem"));
        disk.fill();
        const auto edited = editSettingsDurably(
            path, [](QSettings& s) { s.setValue(QStringLiteral("kiosk/pin_hash"), QStringLiteral("new")); });
        QVERIFY(!edited);
        QCOMPARE(contents(path), before);
        QCOMPARE(strayFiles(disk.path()), QStringList{QStringLiteral("liangzheng.conf")});
        disk.drain();
        QVERIFY(editSettingsDurably(path, [](QSettings& s) {
                    s.setValue(QStringLiteral("kiosk/pin_hash"), QStringLiteral("new"));
                }).hasValue());
        QSettings s(path, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("kiosk/pin_hash")).toString(), QStringLiteral("new"));
        QCOMPARE(s.value(QStringLiteral("trust/anchors")).toString(), QStringLiteral("a=anchor.pem"));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
