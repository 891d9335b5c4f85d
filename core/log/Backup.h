#pragma once
// The terminal's backup (docs/registration-log.md "Backup and restore"): two files, never one.
//  - the data (.lzbackup): every file of the state directory that is not a secret key — the
//    registration log as one consistent SQLite snapshot, its anchor, the trust list, the replay
//    journal, the clock mark, the settings — whose personal fields stay sealed by the field key;
//  - the keys (.p7m): the field key file, the terminal's signing key and any TLS client key in
//    the state directory, sealed to an escrow certificate (crypto/KeyEscrow).
// The sealed keys name the SHA-256 of the data file: a restore takes only the pair written
// together, and data altered on the stick (its own digest recomputed) no longer matches keys that
// only the escrow's holder can open.
// Both are CBOR (RFC 8949) maps; decodeBackup/decodeKeys parse bytes from a USB stick: they check
// every field, every name and every size, and have a libFuzzer target (fuzz/fuzz_backup.cpp).
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lz {

enum class BackupError {
    NotBackup,      // not CBOR, or not this format
    Version,        // a newer format than this program reads
    Damaged,        // a field missing or of the wrong type, a bad name, a size over the limits
    DigestMismatch, // the bytes changed since the backup was written (a bad stick)
};
QString backupErrorName(BackupError e);

struct BackupFailure {
    BackupError error;
    QString detail;
    QString text() const { return backupErrorName(error) + QStringLiteral(": ") + detail; }
};

struct StateFile {
    QString name; // a plain file name in the state directory (no directory part)
    QByteArray bytes;
};

struct BackupData {
    QString terminalId, venueId;
    qint64 createdMs = 0;
    qint64 records = 0, unsent = 0; // the log's head and outbox at the backup (for the operator)
    QList<StateFile> files;
};

struct BackupKeys {
    QString terminalId;
    qint64 createdMs = 0;
    QByteArray dataSha256; // SHA-256 of the whole data file written with these keys
    QList<StateFile> files;
};

constexpr qsizetype kMaxBackupBytes = qsizetype(1) << 31; // 2 GiB (QByteArray's reach)
constexpr int kMaxBackupFiles = 256;

// A name the restore may write into the state directory: [A-Za-z0-9._-], 1..128 characters,
// not starting with a dot.
bool isStateFileName(const QString& name);

QByteArray encodeBackup(const BackupData& data);
Expected<BackupData, BackupFailure> decodeBackup(const QByteArray& bytes);
QByteArray encodeKeys(const BackupKeys& keys);
Expected<BackupKeys, BackupFailure> decodeKeys(const QByteArray& bytes);

} // namespace lz
