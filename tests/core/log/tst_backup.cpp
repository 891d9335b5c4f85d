// The backup's two files (core/log/Backup): what is written reads back the same, and every way a
// stick's bytes can be wrong is refused with a name — another format, a newer version, a flipped
// bit, a cut file, a name that would leave the state directory, a file twice, bytes after the end.
#include "crypto/Digest.h"
#include "log/Backup.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTest>

using namespace lz;

namespace {
BackupData sample() {
    BackupData d;
    d.terminalId = QStringLiteral("T-09");
    d.venueId = QStringLiteral("V-CAFE-1");
    d.createdMs = 1796000000000;
    d.records = 7;
    d.unsent = 3;
    d.files = {{QStringLiteral("registrations.db"), QByteArray(5000, '\x01')},
               {QStringLiteral("log-anchor"), "{}"},
               {QStringLiteral("settings.conf"), "[kiosk]\n"}};
    return d;
}
// A backup whose payload is `inner` as given, with a correct digest (to reach the inner checks).
QByteArray withPayload(const QCborMap& inner, const QString& format = QStringLiteral("liangzheng-backup")) {
    const QByteArray payload = inner.toCborValue().toCbor();
    QCborMap outer;
    outer.insert(QStringLiteral("format"), format);
    outer.insert(QStringLiteral("version"), 1);
    outer.insert(QStringLiteral("payload"), payload);
    outer.insert(QStringLiteral("sha256"), sha256({payload}));
    return outer.toCborValue().toCbor();
}
// One entry per pair. (QCborArray{QCborArray{…}} would be a copy under clang, not a list of one.)
QCborArray entries(std::initializer_list<std::pair<QCborValue, QCborValue>> pairs) {
    QCborArray a;
    for (const auto& [name, bytes] : pairs) {
        QCborArray entry;
        entry.append(name);
        entry.append(bytes);
        a.append(entry);
    }
    return a;
}
QCborMap innerOf(const QByteArray& file) {
    return QCborValue::fromCbor(
               QCborValue::fromCbor(file).toMap().value(QStringLiteral("payload")).toByteArray())
        .toMap();
}
} // namespace

class TestBackup : public QObject {
    Q_OBJECT
private slots:
    void roundTrips() {
        const BackupData d = sample();
        auto back = decodeBackup(encodeBackup(d));
        QVERIFY2(back, back ? "" : qPrintable(back.error().text()));
        QCOMPARE(back->terminalId, d.terminalId);
        QCOMPARE(back->venueId, d.venueId);
        QCOMPARE(back->createdMs, d.createdMs);
        QCOMPARE(back->records, 7);
        QCOMPARE(back->unsent, 3);
        QCOMPARE(back->files.size(), 3);
        QCOMPARE(back->files.at(0).bytes, d.files.at(0).bytes);
        const BackupKeys k{
            QStringLiteral("T-09"), 5, sha256({"data"}), {{QStringLiteral("log-fields.key"), "secret"}}};
        auto keys = decodeKeys(encodeKeys(k));
        QVERIFY(keys);
        QCOMPARE(keys->files.at(0).bytes, QByteArray("secret"));
        QCOMPARE(keys->dataSha256, sha256({"data"}));
        // Each file is of its own kind: keys are not data, data not keys.
        QCOMPARE(decodeKeys(encodeBackup(d)).error().error, BackupError::NotBackup);
        QCOMPARE(decodeBackup(encodeKeys(k)).error().error, BackupError::NotBackup);
    }

    void aDamagedFileIsNamed() {
        const QByteArray good = encodeBackup(sample());
        QCOMPARE(decodeBackup({}).error().error, BackupError::NotBackup);
        QCOMPARE(decodeBackup("not cbor at all").error().error, BackupError::NotBackup);
        QCOMPARE(decodeBackup(good.left(good.size() - 1)).error().error, BackupError::NotBackup);
        QCOMPARE(decodeBackup(good + '\0').error().error, BackupError::Damaged);
        for (qsizetype i = good.size() / 4; i < good.size(); i += good.size() / 9) {
            QByteArray flipped = good;
            flipped[i] = char(flipped[i] ^ 0x04);
            QVERIFY2(!decodeBackup(flipped), qPrintable(QString::number(i)));
        }
        QByteArray flippedData = good;
        flippedData[good.indexOf(QByteArray(100, '\x01')) + 50] = '\x02';
        QCOMPARE(decodeBackup(flippedData).error().error, BackupError::DigestMismatch);
    }

    void aNewerVersionIsRefused() {
        QCborMap outer = QCborValue::fromCbor(encodeBackup(sample())).toMap();
        outer.insert(QStringLiteral("version"), 2);
        auto r = decodeBackup(outer.toCborValue().toCbor());
        QCOMPARE(r.error().error, BackupError::Version);
        QCOMPARE(backupErrorName(r.error().error), QStringLiteral("backup_version"));
    }

    void onlyPlainNamesInTheStateDirectory() {
        for (const char* bad : {"../etc/passwd", "/etc/passwd", "a/b", ".hidden", "", "..", "a b", "名字"})
            QVERIFY2(!isStateFileName(QString::fromUtf8(bad)), bad);
        for (const char* good :
             {"registrations.db", "log-anchor", "trust-list.cose", "replay.journal.corrupt"})
            QVERIFY2(isStateFileName(QString::fromLatin1(good)), good);
        QVERIFY(!isStateFileName(QString(129, QLatin1Char('a'))));

        const QCborMap inner = innerOf(encodeBackup(sample()));
        auto withFiles = [&](const QCborArray& files) {
            QCborMap m = inner;
            m.insert(QStringLiteral("files"), files);
            return decodeBackup(withPayload(m));
        };
        QVERIFY(withFiles(entries({{QStringLiteral("ok"), QByteArray("x")}})));
        QCOMPARE(withFiles(entries({{QStringLiteral("../../root/.ssh/authorized_keys"), QByteArray("x")}}))
                     .error()
                     .error,
                 BackupError::Damaged);
        QCOMPARE(withFiles(entries({{QStringLiteral("a"), QByteArray("1")},
                                    {QStringLiteral("a"), QByteArray("2")}}))
                     .error()
                     .error,
                 BackupError::Damaged);
        QCOMPARE(withFiles(entries({{QStringLiteral("a"), QStringLiteral("text, not bytes")}})).error().error,
                 BackupError::Damaged);
        QCborArray many;
        for (int i = 0; i <= kMaxBackupFiles; ++i)
            many.append(entries({{QStringLiteral("f%1").arg(i), QByteArray()}}).at(0));
        QCOMPARE(withFiles(many).error().error, BackupError::Damaged);
        QCborMap noTerminal = inner;
        noTerminal.remove(QStringLiteral("terminal_id"));
        QCOMPARE(decodeBackup(withPayload(noTerminal)).error().error, BackupError::Damaged);
        QCborMap negative = inner;
        negative.insert(QStringLiteral("records"), -1);
        QCOMPARE(decodeBackup(withPayload(negative)).error().error, BackupError::Damaged);
        // The keys must name their data.
        QCborMap keysInner = innerOf(encodeKeys({QStringLiteral("T-09"), 5, sha256({"data"}), {}}));
        keysInner.insert(QStringLiteral("data_sha256"), QByteArray(31, 'x'));
        QCOMPARE(decodeKeys(withPayload(keysInner, QStringLiteral("liangzheng-keys"))).error().error,
                 BackupError::Damaged);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
