#include "log/RegistrationLog.h"
#include "log/LogImpl.h"

#include "credential/IdentityJson.h"
#include "crypto/Digest.h"
#include "log/LogAnchor.h"
#include "log/LogBinding.h"
#include "log/LogChain.h"
#include "log/LogSchema.h"
#include "log/RecordId.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <map>
#include <type_traits>

namespace lz {
namespace {

constexpr char kFormat[] = "liangzheng-registration-log";

} // namespace

QString logProblemKindName(LogProblem::Kind k) {
    switch (k) {
    case LogProblem::Kind::Edited:
        return QStringLiteral("edited");
    case LogProblem::Kind::Deleted:
        return QStringLiteral("deleted");
    case LogProblem::Kind::Inserted:
        return QStringLiteral("inserted");
    case LogProblem::Kind::CheckpointMismatch:
        return QStringLiteral("checkpoint_mismatch");
    case LogProblem::Kind::CheckpointSignature:
        return QStringLiteral("checkpoint_signature");
    case LogProblem::Kind::Truncated:
        return QStringLiteral("truncated");
    case LogProblem::Kind::AnchorMismatch:
        return QStringLiteral("anchor_mismatch");
    case LogProblem::Kind::AnchorMissing:
        return QStringLiteral("anchor_missing");
    case LogProblem::Kind::AckedUnconfirmed:
        return QStringLiteral("acked_unconfirmed");
    }
    return {};
}

RegistrationLog::RegistrationLog(std::unique_ptr<Impl> impl)
    : d(std::move(impl)) {}

RegistrationLog::~RegistrationLog() {
    if (!d)
        return;
    const QString name = d->connection;
    d->db().close();
    d.reset();
    QSqlDatabase::removeDatabase(name);
}

QString RegistrationLog::terminalId() const {
    return d->terminalId;
}

PublicKey RegistrationLog::terminalPublicKey() const {
    return d->publicKey;
}

LogResult<quint32> RegistrationLog::rotateFieldKey() {
    auto id = d->keys.rotate();
    if (!id)
        return id;
    // Recorded now; were this lost to a crash, the next start records it (the file has it).
    logbinding::Meta meta;
    if (auto stored =
            logbinding::storeMeta(d->db(), meta, logbinding::fieldKeyName(*id), d->keys.fingerprint(*id));
        !stored)
        return unexpected(stored.error());
    return id;
}

LogResult<LogCheckpoint> RegistrationLog::latestCheckpoint() const {
    LogCheckpoint c;
    if (d->version < 2)
        return c;
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral(
            "SELECT seq, chain_hash, created_ms, signature FROM checkpoints ORDER BY seq DESC LIMIT 1")))
        return unexpected(sqlFailure(q.lastError()));
    if (q.next())
        c = {q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong(),
             q.value(3).toByteArray()};
    return c;
}

QString RegistrationLog::path() const {
    return d->path;
}

LogResult<std::unique_ptr<RegistrationLog>> RegistrationLog::open(const QString& path, FieldKeys keys,
                                                                  PrivateKey terminalKey,
                                                                  const QString& terminalId,
                                                                  LogOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->connection = QStringLiteral("lz-log-") + QUuid::createUuid().toString(QUuid::Id128);
    impl->path = path;
    impl->terminalId = terminalId;
    impl->keys = std::move(keys);
    impl->key = std::move(terminalKey);
    impl->publicKey = impl->key.publicKey();
    impl->options = options;
    const bool existed = QFileInfo::exists(path);
    bool createdNow = false; // schema made from nothing in this open (a new, or emptied, file)
    // A key file or an anchor that names a log, beside no log (or an emptied one): the log was
    // deleted, truncated or replaced. Refused before anything is created (issue 14, finding 7).
    if (!existed || QFileInfo(path).size() == 0) {
        if (!impl->keys.logId().isEmpty())
            return logFailure(LogError::Replaced,
                              QStringLiteral("%1 is missing or empty, but the key file belongs to "
                                             "log %2: restore the log from backup, or move the key file and "
                                             "the anchor aside with the old log to start a new one")
                                  .arg(path, QString::fromLatin1(impl->keys.logId().toHex())));
        if (!options.anchorPath.isEmpty() && QFileInfo::exists(options.anchorPath))
            return logFailure(LogError::Replaced,
                              QStringLiteral("%1 is missing or empty, but %2 anchors a log: "
                                             "restore the log from backup, or move the anchor aside with the "
                                             "old log to start a new one")
                                  .arg(path, options.anchorPath));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl->connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    std::unique_ptr<RegistrationLog> log(new RegistrationLog(std::move(impl)));
    Impl& d = *log->d;
    QSqlDatabase db = d.db();
    if (!db.open())
        return logFailure(LogError::Unopenable, QStringLiteral("%1: %2").arg(path, db.lastError().text()));

    QSqlQuery q(db);
    // Anything that is not a SQLite database fails here ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return logFailure(LogError::Corrupt, QStringLiteral("%1: %2").arg(path, q.lastError().text()));
    d.version = q.value(0).toInt();
    q.finish();
    if (existed && !options.skipIntegrityCheck) {
        // A damaged file is found at start-up, before anything is written on top of it.
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
            return logFailure(LogError::Corrupt, QStringLiteral("%1: %2").arg(path, q.lastError().text()));
        if (q.value(0).toString() != QLatin1String("ok"))
            return logFailure(LogError::Corrupt, QStringLiteral("%1: %2").arg(path, q.value(0).toString()));
        q.finish();
    }
    const int target = kSchemaVersion;
    if (d.version > target)
        return logFailure(LogError::SchemaNewer,
                          QStringLiteral("%1 has schema %2; this terminal knows up to %3")
                              .arg(path)
                              .arg(d.version)
                              .arg(target));
    if (d.version == 0 && q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() &&
        q.value(0).toInt() > 0)
        return logFailure(LogError::NotALog, QStringLiteral("%1 is a database of something else").arg(path));
    q.finish();

    // WAL: a commit appends to the log file and readers are not blocked. synchronous=FULL: with
    // WAL, NORMAL skips the fsync at commit and a power loss can take the last commits back;
    // a registration acknowledged on screen must survive that, so every commit is fsync'ed.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"})
        if (auto e = d.exec(QLatin1String(pragma)); !e)
            return unexpected(e.error());
    if (options.maxPageCount > 0)
        if (auto e = d.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(options.maxPageCount)); !e)
            return unexpected(e.error());

    const int wanted = options.schemaVersion > 0 ? std::min(options.schemaVersion, target) : target;
    createdNow = d.version == 0;
    while (d.version < wanted) {
        const QStringList& step = logschema::migrations().at(d.version);
        const int next = d.version + 1;
        auto migrated = d.transaction([&]() -> LogResult<void> {
            for (const QString& sql : step)
                if (auto e = d.exec(sql); !e)
                    return e;
            if (next == 1) {
                QSqlQuery m(d.db());
                m.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
                for (const auto& [k, v] :
                     {std::pair{QStringLiteral("format"), QByteArray(kFormat)},
                      std::pair{QStringLiteral("terminal_id"), terminalId.toUtf8()},
                      std::pair{QStringLiteral("terminal_public_key"), d.publicKey.toPem()}}) {
                    m.addBindValue(k);
                    m.addBindValue(v);
                    if (!m.exec())
                        return unexpected(sqlFailure(m.lastError()));
                }
            }
            return d.exec(QStringLiteral("PRAGMA user_version=%1").arg(next));
        });
        if (!migrated)
            return logFailure(LogError::MigrationFailed,
                              QStringLiteral("to schema %1: %2").arg(next).arg(migrated.error().text()));
        d.version = next;
    }

    // The log's identity: refuse another terminal's log or key.
    std::map<QString, QByteArray> meta;
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return logFailure(LogError::Corrupt, QStringLiteral("%1: %2").arg(path, q.lastError().text()));
    while (q.next())
        meta[q.value(0).toString()] = q.value(1).toByteArray();
    if (meta[QStringLiteral("format")] != kFormat)
        return logFailure(LogError::NotALog, QStringLiteral("%1").arg(path));
    if (QString::fromUtf8(meta[QStringLiteral("terminal_id")]) != terminalId)
        return logFailure(LogError::TerminalMismatch,
                          QStringLiteral("%1 belongs to terminal %2")
                              .arg(path, QString::fromUtf8(meta[QStringLiteral("terminal_id")])));
    if (meta[QStringLiteral("terminal_public_key")] != d.publicKey.toPem())
        return logFailure(LogError::KeyMismatch, QStringLiteral("the terminal key does not match the log's"));
    if (auto bound = d.transaction([&]() -> LogResult<void> {
            auto id = logbinding::bindDatabase(d.db(), meta, d.keys, path, options.anchorPath, createdNow);
            if (!id)
                return unexpected(id.error());
            d.logId = *id;
            return {};
        });
        !bound)
        return unexpected(bound.error());
    if (auto finished =
            logbinding::finishBinding(d.db(), meta, d.keys, d.logId, options.anchorPath, d.version);
        !finished)
        return unexpected(finished.error());
    if (!q.exec(QStringLiteral("SELECT seq, chain_hash FROM records ORDER BY seq DESC LIMIT 1")))
        return logFailure(LogError::Corrupt, QStringLiteral("%1: %2").arg(path, q.lastError().text()));
    if (q.next()) {
        d.headSeq = q.value(0).toLongLong();
        d.headChain = q.value(1).toByteArray();
    }
    return log;
}

LogResult<Registration> RegistrationLog::append(Registration r) {
    auto ok = d->transaction([&] { return d->insert(r); });
    if (!ok)
        return unexpected(ok.error());
    if (d->options.checkpointEvery > 0 && r.seq % d->options.checkpointEvery == 0)
        d->anchorCheckpoint();
    return r;
}

LogResult<qint64> RegistrationLog::appendBatch(QList<Registration>& rs) {
    auto ok = d->transaction([&]() -> LogResult<void> {
        for (Registration& r : rs)
            if (auto e = d->insert(r); !e)
                return e;
        return {};
    });
    if (!ok)
        return unexpected(ok.error());
    d->anchorCheckpoint();
    return qint64(rs.size());
}

LogResult<void> RegistrationLog::checkpoint(qint64 nowMs) {
    if (d->version < 2)
        return logFailure(LogError::SchemaOld, QStringLiteral("checkpoints need schema 2"));
    auto done = d->transaction([&] { return d->insertCheckpoint(nowMs); });
    if (!done)
        return unexpected(done.error());
    d->anchorCheckpoint();
    return {};
}

LogResult<void> RegistrationLog::anchorGatewayHead(qint64 seq, const QByteArray& chainHash) {
    if (d->options.anchorPath.isEmpty() || seq <= 0 || chainHash.size() != 32)
        return {};
    auto anchor = LogAnchor::read(d->options.anchorPath);
    if (!anchor || !*anchor)
        return {}; // missing or unreadable: `log verify` reports it; never quietly made again
    LogAnchor a = **anchor;
    if (a.logId != d->logId || seq <= a.gatewaySeq)
        return {}; // never moves back; another log's anchor is for `log verify` to report
    // The gateway's head must be a record of this log, as this log has it: a head from another
    // log of the same terminal id (an old one moved aside), or a chain that differs, is reported
    // and not anchored.
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT chain_hash FROM records WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return unexpected(sqlFailure(q.lastError()));
    if (!q.next() || q.value(0).toByteArray() != chainHash)
        return logFailure(LogError::GatewayHeadMismatch,
                          QStringLiteral("the gateway's head (record %1) is not this "
                                         "log's record %1")
                              .arg(seq));
    a.gatewaySeq = seq;
    a.gatewayChain = chainHash;
    return a.write(d->options.anchorPath);
}

QByteArray RegistrationLog::logId() const {
    return d->logId;
}

LogResult<QList<Registration>> RegistrationLog::listCreated(qint64 fromMs, qint64 toMs) const {
    return d->select(QStringLiteral("WHERE created_ms >= ? AND created_ms < ? ORDER BY created_ms, seq"),
                     {fromMs, toMs});
}

LogResult<Registration> RegistrationLog::get(const QByteArray& id) const {
    auto found = d->select(QStringLiteral("WHERE id = ?"), {id});
    if (!found)
        return unexpected(found.error());
    if (found->isEmpty())
        return logFailure(LogError::RecordNotFound, QStringLiteral("%1").arg(recordIdText(id)));
    return found->first();
}

LogResult<QList<Registration>> RegistrationLog::unsent(int limit) const {
    return d->select(QStringLiteral("WHERE acked_ms IS NULL AND set_aside IS NULL ORDER BY seq LIMIT ?"),
                     {limit}, /*checkContent=*/true);
}

LogResult<void> RegistrationLog::markAcknowledged(const QList<QByteArray>& ids, qint64 atMs) {
    return d->transaction([&]() -> LogResult<void> {
        QSqlQuery q(d->db());
        q.prepare(QStringLiteral("UPDATE records SET acked_ms = ? WHERE id = ? AND acked_ms IS NULL"));
        for (const QByteArray& id : ids) {
            q.addBindValue(atMs);
            q.addBindValue(id);
            if (!q.exec())
                return unexpected(sqlFailure(q.lastError()));
        }
        return {};
    });
}

LogResult<void> RegistrationLog::setAside(const QByteArray& id, const QString& reason) {
    return d->transaction([&]() -> LogResult<void> {
        QSqlQuery q(d->db());
        q.prepare(QStringLiteral("UPDATE records SET set_aside = ? WHERE id = ? AND acked_ms IS NULL"));
        q.addBindValue(reason.isEmpty() ? QStringLiteral("rejected") : reason);
        q.addBindValue(id);
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        return {};
    });
}

LogResult<void> RegistrationLog::snapshotTo(const QString& path) const {
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(path);
    if (!q.exec())
        return unexpected(sqlFailure(q.lastError()));
    return {};
}

LogResult<LogStatus> RegistrationLog::status() const {
    LogStatus s;
    QSqlQuery q(d->db());
    auto scalar = [&](const QString& sql) -> std::optional<qint64> {
        if (!q.exec(sql) || !q.next())
            return std::nullopt;
        return q.value(0).toLongLong();
    };
    // Each from an index (the outbox and set-aside ones are partial), so the kiosk can poll it
    // on a log of millions of records.
    const auto unsent =
        scalar(QStringLiteral("SELECT count(*) FROM records WHERE acked_ms IS NULL AND set_aside IS NULL"));
    const auto aside = scalar(QStringLiteral("SELECT count(*) FROM records WHERE set_aside IS NOT NULL"));
    const auto oldest =
        scalar(QStringLiteral("SELECT coalesce((SELECT created_ms FROM records WHERE acked_ms IS "
                              "NULL AND set_aside IS NULL ORDER BY seq LIMIT 1), 0)"));
    const auto cp = scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM checkpoints"));
    if (!unsent || !aside || !oldest || !cp)
        return unexpected(sqlFailure(q.lastError()));
    s.unsent = *unsent;
    s.setAside = *aside;
    s.oldestUnsentMs = *oldest;
    s.lastCheckpointSeq = *cp;
    s.headSeq = d->headSeq;
    return s;
}

} // namespace lz
