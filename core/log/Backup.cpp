#include "log/Backup.h"

#include "crypto/Digest.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QRegularExpression>
#include <QSet>

namespace lz {

namespace {
constexpr int kVersion = 1;
const QString kDataFormat = QStringLiteral("liangzheng-backup");
const QString kKeysFormat = QStringLiteral("liangzheng-keys");

BackupFailure damaged(const QString& what) {
    return {BackupError::Damaged, what};
}

// The outer envelope: {"format", "version", "payload": bstr, "sha256": bstr}. The digest finds a
// stick's bit rot; tampering is for the log's own chain and signed checkpoints to find.
QByteArray wrap(const QString& format, const QCborMap& inner) {
    const QByteArray payload = inner.toCborValue().toCbor();
    QCborMap outer;
    outer.insert(QStringLiteral("format"), format);
    outer.insert(QStringLiteral("version"), kVersion);
    outer.insert(QStringLiteral("payload"), payload);
    outer.insert(QStringLiteral("sha256"), sha256({payload}));
    return outer.toCborValue().toCbor();
}

// One whole CBOR item (nothing after it), a map.
Expected<QCborMap, BackupFailure> oneMap(const QByteArray& bytes, const QString& what) {
    QCborStreamReader reader(bytes);
    const QCborValue v = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || !v.isMap())
        return unexpected(
            BackupFailure{BackupError::NotBackup, QStringLiteral("%1 is not a CBOR map").arg(what)});
    if (reader.currentOffset() != bytes.size())
        return unexpected(damaged(QStringLiteral("%1 has bytes after its end").arg(what)));
    return v.toMap();
}

Expected<QCborMap, BackupFailure> unwrap(const QByteArray& bytes, const QString& format) {
    if (bytes.size() > kMaxBackupBytes)
        return unexpected(damaged(QStringLiteral("%1 bytes is over the limit").arg(bytes.size())));
    auto outer = oneMap(bytes, QStringLiteral("the file"));
    if (!outer)
        return unexpected(outer.error());
    if (outer->value(QStringLiteral("format")).toString() != format)
        return unexpected(BackupFailure{BackupError::NotBackup, QStringLiteral("not a %1 file").arg(format)});
    const QCborValue version = outer->value(QStringLiteral("version"));
    if (!version.isInteger() || version.toInteger() < 1)
        return unexpected(damaged(QStringLiteral("no version")));
    if (version.toInteger() > kVersion)
        return unexpected(
            BackupFailure{BackupError::Version, QStringLiteral("format version %1; this program reads %2")
                                                    .arg(version.toInteger())
                                                    .arg(kVersion)});
    const QCborValue payload = outer->value(QStringLiteral("payload"));
    const QCborValue digest = outer->value(QStringLiteral("sha256"));
    if (!payload.isByteArray() || !digest.isByteArray() || digest.toByteArray().size() != 32)
        return unexpected(damaged(QStringLiteral("no payload or digest")));
    if (sha256({payload.toByteArray()}) != digest.toByteArray())
        return unexpected(BackupFailure{BackupError::DigestMismatch,
                                        QStringLiteral("the content does not match its SHA-256")});
    return oneMap(payload.toByteArray(), QStringLiteral("the payload"));
}

QCborArray filesToCbor(const QList<StateFile>& files) {
    QCborArray a;
    for (const StateFile& f : files)
        a.append(QCborArray{f.name, f.bytes});
    return a;
}

Expected<QList<StateFile>, BackupFailure> filesFromCbor(const QCborValue& v) {
    if (!v.isArray())
        return unexpected(damaged(QStringLiteral("no file list")));
    const QCborArray a = v.toArray();
    if (a.size() > kMaxBackupFiles)
        return unexpected(damaged(QStringLiteral("%1 files is over the limit").arg(a.size())));
    QList<StateFile> files;
    QSet<QString> seen;
    for (const QCborValue& entry : a) {
        const QCborArray pair = entry.toArray();
        if (!entry.isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isByteArray())
            return unexpected(damaged(QStringLiteral("a file entry is not [name, bytes]")));
        const QString name = pair.at(0).toString();
        if (!isStateFileName(name))
            return unexpected(damaged(QStringLiteral("'%1' is not a state file name").arg(name.left(64))));
        if (seen.contains(name))
            return unexpected(damaged(QStringLiteral("'%1' twice").arg(name)));
        seen.insert(name);
        files.append({name, pair.at(1).toByteArray()});
    }
    return files;
}

Expected<QString, BackupFailure> text(const QCborMap& m, const char* key) {
    const QCborValue v = m.value(QLatin1String(key));
    if (!v.isString() || v.toString().size() > 128)
        return unexpected(damaged(QStringLiteral("%1 missing or too long").arg(QLatin1String(key))));
    return v.toString();
}

Expected<qint64, BackupFailure> number(const QCborMap& m, const char* key) {
    const QCborValue v = m.value(QLatin1String(key));
    if (!v.isInteger() || v.toInteger() < 0)
        return unexpected(damaged(QStringLiteral("%1 missing or negative").arg(QLatin1String(key))));
    return v.toInteger();
}
} // namespace

QString backupErrorName(BackupError e) {
    switch (e) {
    case BackupError::NotBackup:
        return QStringLiteral("backup_not_recognised");
    case BackupError::Version:
        return QStringLiteral("backup_version");
    case BackupError::Damaged:
        return QStringLiteral("backup_damaged");
    case BackupError::DigestMismatch:
        return QStringLiteral("backup_digest_mismatch");
    }
    return QStringLiteral("backup_error");
}

bool isStateFileName(const QString& name) {
    // anchoredPattern: PCRE's $ would also match before a final newline.
    static const QRegularExpression allowed(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}")));
    return allowed.match(name).hasMatch();
}

QByteArray encodeBackup(const BackupData& d) {
    QCborMap m;
    m.insert(QStringLiteral("terminal_id"), d.terminalId);
    m.insert(QStringLiteral("venue_id"), d.venueId);
    m.insert(QStringLiteral("created_ms"), d.createdMs);
    m.insert(QStringLiteral("records"), d.records);
    m.insert(QStringLiteral("unsent"), d.unsent);
    m.insert(QStringLiteral("files"), filesToCbor(d.files));
    return wrap(kDataFormat, m);
}

Expected<BackupData, BackupFailure> decodeBackup(const QByteArray& bytes) {
    auto m = unwrap(bytes, kDataFormat);
    if (!m)
        return unexpected(m.error());
    BackupData d;
    auto terminal = text(*m, "terminal_id");
    auto venue = text(*m, "venue_id");
    auto created = number(*m, "created_ms");
    auto records = number(*m, "records");
    auto unsent = number(*m, "unsent");
    for (const auto* bad : {&terminal, &venue})
        if (!*bad)
            return unexpected(bad->error());
    for (const auto* bad : {&created, &records, &unsent})
        if (!*bad)
            return unexpected(bad->error());
    d.terminalId = *terminal;
    d.venueId = *venue;
    d.createdMs = *created;
    d.records = *records;
    d.unsent = *unsent;
    auto files = filesFromCbor(m->value(QStringLiteral("files")));
    if (!files)
        return unexpected(files.error());
    d.files = *files;
    return d;
}

QByteArray encodeKeys(const BackupKeys& k) {
    QCborMap m;
    m.insert(QStringLiteral("terminal_id"), k.terminalId);
    m.insert(QStringLiteral("created_ms"), k.createdMs);
    m.insert(QStringLiteral("data_sha256"), k.dataSha256);
    m.insert(QStringLiteral("files"), filesToCbor(k.files));
    return wrap(kKeysFormat, m);
}

Expected<BackupKeys, BackupFailure> decodeKeys(const QByteArray& bytes) {
    auto m = unwrap(bytes, kKeysFormat);
    if (!m)
        return unexpected(m.error());
    BackupKeys k;
    auto terminal = text(*m, "terminal_id");
    if (!terminal)
        return unexpected(terminal.error());
    auto created = number(*m, "created_ms");
    if (!created)
        return unexpected(created.error());
    auto files = filesFromCbor(m->value(QStringLiteral("files")));
    if (!files)
        return unexpected(files.error());
    k.terminalId = *terminal;
    k.createdMs = *created;
    k.dataSha256 = m->value(QStringLiteral("data_sha256")).toByteArray();
    if (k.dataSha256.size() != 32)
        return unexpected(damaged(QStringLiteral("data_sha256 missing")));
    k.files = *files;
    return k;
}

} // namespace lz
