// Sealing personal fields: round trip, the record id bound as associated data, tampering and
// missing keys named, rotation keeps old records readable, the key file's permissions enforced.
#include "log/FieldKeys.h"
#include "log/RecordId.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestFieldKeys : public QObject {
    Q_OBJECT
private slots:
    void roundTripAndBinding() {
        const FieldKeys k = FieldKeys::fromRaw(7, QByteArray(32, 'k'));
        const QByteArray id = newRecordId(1'700'000'000'000);
        const QByteArray sealed = k.seal("张三 440106199001011234", id);
        QVERIFY(!sealed.contains("440106"));
        QCOMPARE(k.open(sealed, id).value(), QByteArray("张三 440106199001011234"));
        // Moved to another record: refused.
        QVERIFY(!k.open(sealed, newRecordId(1'700'000'000'000)));
        // Fresh nonce each time.
        QVERIFY(k.seal("x", id) != k.seal("x", id));
        QByteArray flipped = sealed;
        flipped[20] = char(flipped[20] ^ 1);
        const auto bad = k.open(flipped, id);
        QVERIFY(!bad);
        QVERIFY(bad.error().code == LogError::SealedFieldCorrupt);
        QVERIFY(k.open(sealed.left(10), id).error().code == LogError::SealedFieldCorrupt);
        const FieldKeys other = FieldKeys::fromRaw(8, QByteArray(32, 'k'));
        QVERIFY(other.open(sealed, id).error().code == LogError::FieldKeyMissing);
    }

    void fileRotationAndPermissions() {
        QTemporaryDir dir;
        const QString path = dir.filePath("log.key");
        auto k = FieldKeys::openOrCreate(path);
        QVERIFY2(k, k ? "" : qPrintable(k.error().text()));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QByteArray id = newRecordId(1);
        const QByteArray old = k->seal("old", id);
        QCOMPARE(k->rotate().value(), 2u);
        const QByteArray fresh = k->seal("new", id);
        auto again = FieldKeys::openOrCreate(path);
        QVERIFY(again);
        QCOMPARE(again->currentId(), 2u);
        QCOMPARE(again->size(), 2);
        QCOMPARE(again->open(old, id).value(), QByteArray("old"));
        QCOMPARE(again->open(fresh, id).value(), QByteArray("new"));

        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(FieldKeys::openOrCreate(path).error().code == LogError::KeyFilePermissions);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("3 not-hex\n");
        f.close();
        QVERIFY(FieldKeys::openOrCreate(path).error().code == LogError::KeyFileMalformed);
    }

    void recordIds() {
        QByteArray previous;
        for (int i = 0; i < 10000; ++i) {
            const QByteArray id = newRecordId(1'700'000'000'000); // one millisecond, many ids
            QCOMPARE(id.size(), 16);
            QCOMPARE(uchar(id[6]) >> 4, 7);               // version 7
            QCOMPARE(uchar(id[8]) >> 6, 2);               // RFC variant
            QVERIFY(previous.isEmpty() || id > previous); // ordered even within the millisecond
            previous = id;
        }
        const QByteArray id = newRecordId(1'800'000'000'000);
        QCOMPARE(recordIdFromText(recordIdText(id)), id);
        QVERIFY(recordIdText(id).startsWith(QStringLiteral("01a3185c-5000-7")));
        QVERIFY(recordIdFromText("not a uuid").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFieldKeys)
#include "tst_fieldkeys.moc"
