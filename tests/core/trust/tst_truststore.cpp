// The trust store's cache: verified before use, rollback refused, failed updates leave the
// cache untouched, and a restart reads the cached list back.
#include "TestWorld.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;
using namespace lz::test;

namespace {
QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTrustStore : public QObject {
    Q_OBJECT
    TestWorld m_world;

private slots:
    void installAndReload() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("trust.cose"));
        {
            TrustStore store({m_world.anchor()}, cache);
            QCOMPARE(*store.loadCached(), false); // nothing cached yet
            QVERIFY(!store.current());
            QCOMPARE(*store.install(m_world.signedList(m_world.trustList(kNow, 5))), quint64(5));
        }
        TrustStore restarted({m_world.anchor()}, cache);
        QCOMPARE(*restarted.loadCached(), true);
        QCOMPARE(restarted.current()->sequence, quint64(5));
    }
    void rollbackRefused() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("trust.cose"));
        TrustStore store({m_world.anchor()}, cache);
        const QByteArray v7 = m_world.signedList(m_world.trustList(kNow, 7));
        QVERIFY(store.install(v7).hasValue());
        const auto older = store.install(m_world.signedList(m_world.trustList(kNow - 10, 6)));
        QVERIFY(!older.hasValue());
        QCOMPARE(older.error().code, TrustError::Rollback);
        QVERIFY(older.error().text().contains(QLatin1String("rollback")));
        QCOMPARE(store.current()->sequence, quint64(7));
        QCOMPARE(readFile(cache), v7);
        // Same sequence, same bytes: fine (idempotent). Same sequence, other content: refused.
        QVERIFY(store.install(v7).hasValue());
        QVERIFY(!store.install(m_world.signedList(m_world.trustList(kNow + 1, 7))).hasValue());
        QVERIFY(store.install(m_world.signedList(m_world.trustList(kNow + 60, 8))).hasValue());
        QCOMPARE(store.current()->sequence, quint64(8));
    }
    void rollbackRefusedEvenWhenTheCacheIsLost() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("trust.cose")),
                      seq = dir.filePath(QStringLiteral("seq"));
        const QByteArray v7 = m_world.signedList(m_world.trustList(kNow, 7));
        {
            TrustStore store({m_world.anchor()}, cache, seq);
            QVERIFY(store.install(v7).hasValue());
        }
        QVERIFY(QFile::remove(cache)); // the cache is deleted (or corrupt, or from a backup)
        TrustStore restarted({m_world.anchor()}, cache, seq);
        QCOMPARE(*restarted.loadCached(), false);
        QCOMPARE(restarted.highestSequence(), quint64(7));
        const auto older = restarted.install(m_world.signedList(m_world.trustList(kNow - 10, 6)));
        QVERIFY(!older.hasValue());
        QCOMPARE(older.error().code, TrustError::Rollback);
        QVERIFY(older.error().text().contains(QLatin1String("rollback")));
        QVERIFY(restarted.install(v7).hasValue()); // the same one again is fine
        // An old cache file put back is refused at start-up too.
        {
            QFile f(cache);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(m_world.signedList(m_world.trustList(kNow - 10, 6)));
        }
        TrustStore again({m_world.anchor()}, cache, seq);
        QVERIFY(!again.loadCached().hasValue());
    }
    void badUpdateLeavesCacheUntouched() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("trust.cose"));
        TrustStore store({m_world.anchor()}, cache);
        const QByteArray v1 = m_world.signedList(m_world.trustList(kNow, 1));
        QVERIFY(store.install(v1).hasValue());
        TestWorld attacker;
        QByteArray forged = attacker.trustList(kNow, 99).sign(attacker.anchorKey, m_world.anchorKid);
        QVERIFY(!store.install(forged).hasValue());
        QVERIFY(!store.install("garbage").hasValue());
        QCOMPARE(readFile(cache), v1);
        QCOMPARE(store.current()->sequence, quint64(1));
    }
    void corruptCacheIsReported() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("trust.cose"));
        QFile f(cache);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a trust list");
        f.close();
        TrustStore store({m_world.anchor()}, cache);
        const auto r = store.loadCached();
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, TrustError::CacheUnreadable);
        QVERIFY(r.error().text().startsWith(QLatin1String("trust cache:")));
        QVERIFY(!store.current());
    }
    void unwritableCacheFailsInstall() {
        TrustStore store({m_world.anchor()}, QStringLiteral("/proc/liangzheng-no-such-dir/trust.cose"));
        const auto r = store.install(m_world.signedList(m_world.trustList()));
        QVERIFY(!r.hasValue());
        QVERIFY(!store.current()); // not switched to a list it could not persist
    }
};

QTEST_APPLESS_MAIN(TestTrustStore)
#include "tst_truststore.moc"
