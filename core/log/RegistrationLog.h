#pragma once
// The terminal's registration log (SQLite through QtSql): durable before a registration is
// acknowledged on screen, hash-chained per terminal with signed checkpoints so that an edited,
// inserted or deleted record is found and named, personal fields sealed with AES-256-GCM, and
// the forwarding state (acknowledged, set aside, purged) the sync client works from.
// docs/registration-log.md describes the schema, durability and tamper evidence in full.
//
// One log object is used from one thread (QtSql connections are per thread); the kiosk keeps
// it on its database worker.
#include "crypto/Keys.h"
#include "log/FieldKeys.h"
#include "log/LogError.h"
#include "log/Registration.h"

#include <QString>
#include <memory>

namespace lz {

struct LogOptions {
    // Sign a checkpoint (chain head, count) after this many records.
    int checkpointEvery = 100;
    // SQLite page limit, for tests of a full disk (0: no limit).
    qint64 maxPageCount = 0;
    // Skip PRAGMA quick_check at open (tests of a deliberately damaged file, benchmarks).
    bool skipIntegrityCheck = false;
    // The schema to migrate to; 0 means the current one. Older only in tests of migrations.
    int schemaVersion = 0;
    // The anchor file (log/LogAnchor.h): the log's head outside the database. Empty: none.
    QString anchorPath = {};
};

struct LogProblem {
    enum class Kind {
        Edited,
        Deleted,
        Inserted,
        CheckpointMismatch,
        CheckpointSignature,
        Truncated,
        AnchorMismatch,   // the anchor file's head differs from the log's (or belongs to another log)
        AnchorMissing,    // the log was anchored, but the anchor file is gone or unreadable
        AckedUnconfirmed, // marked acknowledged beyond the head the gateway confirmed
    };
    Kind kind;
    qint64 seq = 0;      // the record concerned (first of a run of deleted ones)
    qint64 lastSeq = 0;  // last of a run of deleted ones
    QString recordId;    // when the record is present
    QString description; // English, for the operator; no personal data
};
QString logProblemKindName(LogProblem::Kind k);

struct LogVerifyReport {
    qint64 records = 0, purged = 0, checkpoints = 0;
    QList<LogProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

struct LogCheckpoint {
    qint64 seq = 0;
    QByteArray chainHash;
    qint64 createdMs = 0;
    QByteArray signature; // Ed25519 over checkpointMessage(), docs/registration-log.md
};

struct LogStatus {
    qint64 headSeq = 0;        // records written (sequence of the newest)
    qint64 unsent = 0;         // the outbox: not acknowledged, not set aside
    qint64 setAside = 0;       // rejected by the gateway as invalid; the operator must look
    qint64 oldestUnsentMs = 0; // created time of the oldest unsent record; 0 if none
    qint64 lastCheckpointSeq = 0;
};

// Staff opened a record's personal fields on screen (unmasked), and why. Kept in the log itself
// so that the venue and the police can see who looked at whom.
struct LogAccess {
    qint64 atMs = 0;
    QByteArray recordId;
    QString operatorId;
    QString reason;
};

class RegistrationLog {
public:
    static constexpr int kSchemaVersion = 4;

    // Opens (creating when absent) the log at path. A damaged database, a newer schema or a
    // file that is not a log is refused with a named error; nothing is overwritten.
    static LogResult<std::unique_ptr<RegistrationLog>> open(const QString& path, FieldKeys keys,
                                                            PrivateKey terminalKey, const QString& terminalId,
                                                            LogOptions options = {});
    ~RegistrationLog();

    // Appends and commits durably (WAL, synchronous=FULL): when this returns a value the record
    // is on disk. On any write error nothing is written and the error is named
    // ("log_disk_full", "log_write_failed: ...").
    LogResult<Registration> append(Registration r);
    // Several in one transaction (imports, benchmarks); all or nothing.
    LogResult<qint64> appendBatch(QList<Registration>& rs);

    // Records created in [fromMs, toMs), oldest first, personal fields opened.
    LogResult<QList<Registration>> listCreated(qint64 fromMs, qint64 toMs) const;
    LogResult<Registration> get(const QByteArray& id) const;

    // The outbox: unacknowledged, not set aside, in log order.
    LogResult<QList<Registration>> unsent(int limit) const;
    LogResult<void> markAcknowledged(const QList<QByteArray>& ids, qint64 atMs);
    LogResult<void> setAside(const QByteArray& id, const QString& reason);
    // Removes personal fields of records acknowledged more than retentionDays ago; never of an
    // unacknowledged one. The chain stays verifiable. Returns how many were purged.
    LogResult<qint64> purge(qint64 nowMs, int retentionDays);

    // Notes (durably) that staff unmasked a record; a reason is required.
    LogResult<void> recordAccess(const LogAccess& access);
    LogResult<QList<LogAccess>> accessSince(qint64 fromMs) const;

    LogResult<void> checkpoint(qint64 nowMs); // signs the current head now
    // A new field key for new records (the key file keeps the old ones: old records stay readable).
    LogResult<quint32> rotateFieldKey();
    // The gateway's confirmed head for this terminal (its answer to a batch), kept in the anchor
    // file before the batch's records are marked acknowledged.
    LogResult<void> anchorGatewayHead(qint64 seq, const QByteArray& chainHash);
    QByteArray logId() const; // 16 random bytes made with the log; the key file and anchor name it
    // The newest signed checkpoint (seq 0 when none), sent with each batch to the gateway.
    LogResult<LogCheckpoint> latestCheckpoint() const;
    QString terminalId() const;
    PublicKey terminalPublicKey() const;
    LogVerifyReport verify() const;
    LogResult<LogStatus> status() const;
    // A consistent copy of the whole database in one file (SQLite's VACUUM INTO: the committed
    // state at one moment, WAL included), for the backup. `path` must not exist.
    LogResult<void> snapshotTo(const QString& path) const;
    QString path() const;

private:
    struct Impl;
    explicit RegistrationLog(std::unique_ptr<Impl> d);
    std::unique_ptr<Impl> d;
};

} // namespace lz
