#include "log/RegistrationLog.h"

#include "credential/IdentityJson.h"
#include "crypto/Digest.h"
#include "log/LogAnchor.h"
#include "log/LogBinding.h"
#include "log/LogChain.h"
#include "log/LogSchema.h"
#include "log/RecordId.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <type_traits>
#include <QtEndian>
#include <map>

namespace lz {
namespace {

constexpr char kFormat[] = "liangzheng-registration-log";

// QtSql binds a null QString as SQL NULL; the log's text columns are NOT NULL, empty allowed.
QString text(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// The record columns read back, in kSelect's order: read by name (Col::Personal), never by a
// bare index.
enum class Col { Seq, Id, CreatedMs, UtcOffsetS, Kind, Method, Valid, Reason, DocumentKind, Issuer, CredentialId, TrustSeq, VenueId, VenueType, TerminalId, Operator, Personal, PersonalHash, ContentHash, ChainHash, AckedMs, SetAside, PurgedMs };
const QString kSelect = QStringLiteral(
    "SELECT seq, id, created_ms, utc_offset_s, kind, method, valid, reason, document_kind, issuer,"
    " credential_id, trust_seq, venue_id, venue_type, terminal_id, operator, personal, personal_hash,"
    " content_hash, chain_hash, acked_ms, set_aside, purged_ms FROM records ");
QVariant column(const QSqlQuery& q, Col c) {
    return q.value(int(c));
}

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

struct RegistrationLog::Impl {
    QString connection, path, terminalId;
    FieldKeys keys;
    PrivateKey key;
    PublicKey publicKey;
    LogOptions options;
    int version = 0;
    qint64 headSeq = 0;
    QByteArray headChain = QByteArray(32, '\0');
    QByteArray logId;

    // The newest checkpoint into the anchor file, after it has committed. A failure leaves the
    // anchor behind the log, which never raises a false alarm; the next checkpoint tries again.
    void anchorCheckpoint() {
        if (options.anchorPath.isEmpty() || version < 2)
            return;
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("SELECT seq, chain_hash FROM checkpoints ORDER BY seq DESC LIMIT 1")) ||
            !q.next())
            return;
        // Only an anchor of this log is moved on; a missing one is `log verify`'s finding, never
        // quietly made again.
        auto anchor = LogAnchor::read(options.anchorPath);
        if (!anchor || !*anchor)
            return;
        LogAnchor a = **anchor;
        if (a.logId != logId || q.value(0).toLongLong() <= a.checkpointSeq)
            return;
        a.checkpointSeq = q.value(0).toLongLong();
        a.checkpointChain = q.value(1).toByteArray();
        (void)a.write(options.anchorPath);
    }

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    Expected<bool, LogFailure> execTyped(const QString& sql) const {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return unexpected(sqlFailure(q.lastError()));
        return true;
    }
    Expected<bool> exec(const QString& sql) const {
        auto done = execTyped(sql);
        if (!done)
            return unexpected(done.error().text());
        return true;
    }

    Registration fromRow(const QSqlQuery& q, bool openPersonal, QString* error = nullptr) const {
        Registration r;
        r.seq = column(q, Col::Seq).toLongLong();
        r.id = column(q, Col::Id).toByteArray();
        r.createdAtMs = column(q, Col::CreatedMs).toLongLong();
        r.utcOffsetS = column(q, Col::UtcOffsetS).toInt();
        r.kind = recordKindFromName(column(q, Col::Kind).toString()).value_or(RecordKind::Attempt);
        r.method = column(q, Col::Method).toString();
        r.valid = column(q, Col::Valid).toBool();
        r.reason = column(q, Col::Reason).toString();
        r.documentKind = column(q, Col::DocumentKind).toString();
        r.issuer = column(q, Col::Issuer).toString();
        r.credentialId = column(q, Col::CredentialId).toByteArray();
        r.trustListSequence = column(q, Col::TrustSeq).toULongLong();
        r.venue.venueId = column(q, Col::VenueId).toString();
        r.venue.type = venueTypeFromName(column(q, Col::VenueType).toString()).value_or(VenueType::Hotel);
        r.venue.terminalId = column(q, Col::TerminalId).toString();
        r.venue.operatorId = column(q, Col::Operator).toString();
        if (!column(q, Col::AckedMs).isNull())
            r.ackedAtMs = column(q, Col::AckedMs).toLongLong();
        r.setAsideReason = column(q, Col::SetAside).toString();
        r.contentHash = column(q, Col::ContentHash).toByteArray();
        r.chainHash = column(q, Col::ChainHash).toByteArray();
        r.personalHash = column(q, Col::PersonalHash).toByteArray();
        if (!column(q, Col::PurgedMs).isNull())
            r.purgedAtMs = column(q, Col::PurgedMs).toLongLong();
        const QByteArray personal = column(q, Col::Personal).toByteArray();
        if (openPersonal && !personal.isEmpty()) {
            auto plain = keys.open(personal, r.id);
            if (!plain) {
                if (error)
                    *error = plain.error();
                return r;
            }
            const QJsonObject o = QJsonDocument::fromJson(*plain).object();
            r.details = o.value(QLatin1String("details")).toObject();
            if (o.contains(QLatin1String("identity"))) {
                auto id = identityFromJson(o.value(QLatin1String("identity")).toObject());
                if (!id) {
                    if (error)
                        *error =
                            QStringLiteral("sealed_field_corrupt: identity unreadable: %1").arg(id.error());
                    return r;
                }
                r.identity = *id;
            }
        }
        return r;
    }

    // Records matching `where` (with its bound values), personal fields opened; the first
    // that does not open fails the whole call, naming the record.
    // checkContent: the outbox's re-check, record by record (the same as `log verify`): a record
    // changed after it was written is still forwarded (hiding it would help whoever changed it)
    // but marked, and the gateway recomputes the content hash itself and flags it. Only there:
    // `log verify` does its own, and lists do not need it.
    Expected<QList<Registration>> select(const QString& where, const QVariantList& values,
                                         bool checkContent = false) const {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(kSelect + where);
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return unexpected(sqlError(q.lastError()));
        QList<Registration> out;
        while (q.next()) {
            QString error;
            out.append(fromRow(q, true, &error));
            if (checkContent) {
                Registration& r = out.last();
                const QByteArray sealed = column(q, Col::Personal).toByteArray();
                r.contentMismatch = contentHash(r, r.personalHash) != r.contentHash ||
                                    (!sealed.isEmpty() && sha256({sealed}) != r.personalHash);
            }
            if (!error.isEmpty())
                return unexpected(QStringLiteral("%1 (record %2)").arg(error, recordIdText(out.last().id)));
        }
        return out;
    }

    Expected<bool, LogFailure> insert(Registration& r) {
        r.seq = headSeq + 1;
        r.id = newRecordId(r.createdAtMs);
        QByteArray personal, personalHash;
        if (r.identity || !r.details.isEmpty()) {
            QJsonObject o{{QStringLiteral("details"), r.details}};
            if (r.identity)
                o.insert(QStringLiteral("identity"), identityToJson(*r.identity));
            personal = keys.seal(QJsonDocument(o).toJson(QJsonDocument::Compact), r.id);
            personalHash = sha256({personal});
        }
        r.personalHash = personalHash;
        const QByteArray content = contentHash(r, personalHash);
        const QByteArray chain = chainHash(headChain, r.seq, content);
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "INSERT INTO records (seq, id, created_ms, utc_offset_s, kind, method, valid, reason,"
            " document_kind, issuer, credential_id, trust_seq, venue_id, venue_type, terminal_id, operator,"
            " personal, personal_hash, content_hash, chain_hash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        const QVariantList values{
            r.seq,
            r.id,
            r.createdAtMs,
            r.utcOffsetS,
            recordKindName(r.kind),
            text(r.method),
            r.valid,
            text(r.reason),
            text(r.documentKind),
            text(r.issuer),
            r.credentialId.isNull() ? QByteArray("") : r.credentialId,
            qint64(r.trustListSequence),
            text(r.venue.venueId),
            venueTypeName(r.venue.type),
            text(r.venue.terminalId),
            text(r.venue.operatorId),
            personal.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(personal),
            personalHash.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(personalHash),
            content,
            chain};
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        headSeq = r.seq;
        headChain = chain;
        r.contentHash = content;
        r.chainHash = chain;
        if (version >= 2 && options.checkpointEvery > 0 && r.seq % options.checkpointEvery == 0)
            if (auto c = insertCheckpoint(r.createdAtMs); !c)
                return c;
        return true;
    }

    Expected<bool, LogFailure> insertCheckpoint(qint64 nowMs) {
        if (headSeq == 0)
            return true;
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO checkpoints (seq, chain_hash, created_ms, signature) VALUES (?,?,?,?)"));
        q.addBindValue(headSeq);
        q.addBindValue(headChain);
        q.addBindValue(nowMs);
        q.addBindValue(key.sign(checkpointMessage(terminalId, headSeq, headChain, nowMs)));
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        return true;
    }

    // Runs body in one transaction; rolls back (and restores the cached head) on failure. The
    // result has the body's error type (a LogFailure on the write path, a named error elsewhere).
    template <typename F> auto transaction(F body) -> decltype(body()) {
        using Result = decltype(body());
        using Error = std::decay_t<decltype(std::declval<Result>().error())>;
        auto failed = [](const LogFailure& f) -> Result {
            if constexpr (std::is_same_v<Error, LogFailure>)
                return unexpected(f);
            else
                return unexpected(f.text());
        };
        const qint64 seq = headSeq;
        const QByteArray chain = headChain;
        if (auto b = execTyped(QStringLiteral("BEGIN IMMEDIATE")); !b)
            return failed(b.error());
        Result result = body();
        if (result)
            if (auto c = execTyped(QStringLiteral("COMMIT")); !c)
                result = failed(c.error());
        if (!result) {
            exec(QStringLiteral("ROLLBACK"));
            headSeq = seq;
            headChain = chain;
        }
        return result;
    }
};

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

Expected<quint32> RegistrationLog::rotateFieldKey() {
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

Expected<LogCheckpoint> RegistrationLog::latestCheckpoint() const {
    LogCheckpoint c;
    if (d->version < 2)
        return c;
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral(
            "SELECT seq, chain_hash, created_ms, signature FROM checkpoints ORDER BY seq DESC LIMIT 1")))
        return unexpected(sqlError(q.lastError()));
    if (q.next())
        c = {q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong(),
             q.value(3).toByteArray()};
    return c;
}

QString RegistrationLog::path() const {
    return d->path;
}

Expected<std::unique_ptr<RegistrationLog>> RegistrationLog::open(const QString& path, FieldKeys keys,
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
            return unexpected(
                QStringLiteral("log_replaced: %1 is missing or empty, but the key file belongs to "
                               "log %2: restore the log from backup, or move the key file and "
                               "the anchor aside with the old log to start a new one")
                    .arg(path, QString::fromLatin1(impl->keys.logId().toHex())));
        if (!options.anchorPath.isEmpty() && QFileInfo::exists(options.anchorPath))
            return unexpected(QStringLiteral("log_replaced: %1 is missing or empty, but %2 anchors a log: "
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
        return unexpected(QStringLiteral("log_unopenable: %1: %2").arg(path, db.lastError().text()));

    QSqlQuery q(db);
    // Anything that is not a SQLite database fails here ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return unexpected(QStringLiteral("log_corrupt: %1: %2").arg(path, q.lastError().text()));
    d.version = q.value(0).toInt();
    q.finish();
    if (existed && !options.skipIntegrityCheck) {
        // A damaged file is found at start-up, before anything is written on top of it.
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
            return unexpected(QStringLiteral("log_corrupt: %1: %2").arg(path, q.lastError().text()));
        if (q.value(0).toString() != QLatin1String("ok"))
            return unexpected(QStringLiteral("log_corrupt: %1: %2").arg(path, q.value(0).toString()));
        q.finish();
    }
    const int target = kSchemaVersion;
    if (d.version > target)
        return unexpected(QStringLiteral("log_schema_newer: %1 has schema %2; this terminal knows up to %3")
                              .arg(path)
                              .arg(d.version)
                              .arg(target));
    if (d.version == 0 && q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() &&
        q.value(0).toInt() > 0)
        return unexpected(QStringLiteral("log_not_a_log: %1 is a database of something else").arg(path));
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
        auto migrated = d.transaction([&]() -> Expected<bool> {
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
                        return unexpected(sqlError(m.lastError()));
                }
            }
            return d.exec(QStringLiteral("PRAGMA user_version=%1").arg(next));
        });
        if (!migrated)
            return unexpected(
                QStringLiteral("log_migration_failed: to schema %1: %2").arg(next).arg(migrated.error()));
        d.version = next;
    }

    // The log's identity: refuse another terminal's log or key.
    std::map<QString, QByteArray> meta;
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return unexpected(QStringLiteral("log_corrupt: %1: %2").arg(path, q.lastError().text()));
    while (q.next())
        meta[q.value(0).toString()] = q.value(1).toByteArray();
    if (meta[QStringLiteral("format")] != kFormat)
        return unexpected(QStringLiteral("log_not_a_log: %1").arg(path));
    if (QString::fromUtf8(meta[QStringLiteral("terminal_id")]) != terminalId)
        return unexpected(QStringLiteral("log_terminal_mismatch: %1 belongs to terminal %2")
                              .arg(path, QString::fromUtf8(meta[QStringLiteral("terminal_id")])));
    if (meta[QStringLiteral("terminal_public_key")] != d.publicKey.toPem())
        return unexpected(QStringLiteral("log_key_mismatch: the terminal key does not match the log's"));
    if (auto bound = d.transaction([&]() -> Expected<bool> {
            auto id = logbinding::bindDatabase(d.db(), meta, d.keys, path, options.anchorPath, createdNow);
            if (!id)
                return unexpected(id.error());
            d.logId = *id;
            return true;
        });
        !bound)
        return unexpected(bound.error());
    if (auto finished =
            logbinding::finishBinding(d.db(), meta, d.keys, d.logId, options.anchorPath, d.version);
        !finished)
        return unexpected(finished.error());
    if (!q.exec(QStringLiteral("SELECT seq, chain_hash FROM records ORDER BY seq DESC LIMIT 1")))
        return unexpected(QStringLiteral("log_corrupt: %1: %2").arg(path, q.lastError().text()));
    if (q.next()) {
        d.headSeq = q.value(0).toLongLong();
        d.headChain = q.value(1).toByteArray();
    }
    return log;
}

Expected<Registration, LogFailure> RegistrationLog::append(Registration r) {
    auto ok = d->transaction([&] { return d->insert(r); });
    if (!ok)
        return unexpected(ok.error());
    if (d->options.checkpointEvery > 0 && r.seq % d->options.checkpointEvery == 0)
        d->anchorCheckpoint();
    return r;
}

Expected<qint64, LogFailure> RegistrationLog::appendBatch(QList<Registration>& rs) {
    auto ok = d->transaction([&]() -> Expected<bool, LogFailure> {
        for (Registration& r : rs)
            if (auto e = d->insert(r); !e)
                return e;
        return true;
    });
    if (!ok)
        return unexpected(ok.error());
    d->anchorCheckpoint();
    return qint64(rs.size());
}

Expected<bool> RegistrationLog::checkpoint(qint64 nowMs) {
    if (d->version < 2)
        return unexpected(QStringLiteral("log_schema_old: checkpoints need schema 2"));
    auto done = d->transaction([&] { return d->insertCheckpoint(nowMs); });
    if (!done)
        return unexpected(done.error().text());
    d->anchorCheckpoint();
    return true;
}

Expected<bool> RegistrationLog::anchorGatewayHead(qint64 seq, const QByteArray& chainHash) {
    if (d->options.anchorPath.isEmpty() || seq <= 0 || chainHash.size() != 32)
        return true;
    auto anchor = LogAnchor::read(d->options.anchorPath);
    if (!anchor || !*anchor)
        return true; // missing or unreadable: `log verify` reports it; never quietly made again
    LogAnchor a = **anchor;
    if (a.logId != d->logId || seq <= a.gatewaySeq)
        return true; // never moves back; another log's anchor is for `log verify` to report
    // The gateway's head must be a record of this log, as this log has it: a head from another
    // log of the same terminal id (an old one moved aside), or a chain that differs, is reported
    // and not anchored.
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT chain_hash FROM records WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return unexpected(sqlError(q.lastError()));
    if (!q.next() || q.value(0).toByteArray() != chainHash)
        return unexpected(QStringLiteral("gateway_head_mismatch: the gateway's head (record %1) is not this "
                                         "log's record %1")
                              .arg(seq));
    a.gatewaySeq = seq;
    a.gatewayChain = chainHash;
    return a.write(d->options.anchorPath);
}

QByteArray RegistrationLog::logId() const {
    return d->logId;
}

Expected<QList<Registration>> RegistrationLog::listCreated(qint64 fromMs, qint64 toMs) const {
    return d->select(QStringLiteral("WHERE created_ms >= ? AND created_ms < ? ORDER BY created_ms, seq"),
                     {fromMs, toMs});
}

Expected<Registration> RegistrationLog::get(const QByteArray& id) const {
    auto found = d->select(QStringLiteral("WHERE id = ?"), {id});
    if (!found)
        return unexpected(found.error());
    if (found->isEmpty())
        return unexpected(QStringLiteral("record_not_found: %1").arg(recordIdText(id)));
    return found->first();
}

Expected<QList<Registration>> RegistrationLog::unsent(int limit) const {
    return d->select(QStringLiteral("WHERE acked_ms IS NULL AND set_aside IS NULL ORDER BY seq LIMIT ?"),
                     {limit}, /*checkContent=*/true);
}

Expected<bool> RegistrationLog::markAcknowledged(const QList<QByteArray>& ids, qint64 atMs) {
    return d->transaction([&]() -> Expected<bool> {
        QSqlQuery q(d->db());
        q.prepare(QStringLiteral("UPDATE records SET acked_ms = ? WHERE id = ? AND acked_ms IS NULL"));
        for (const QByteArray& id : ids) {
            q.addBindValue(atMs);
            q.addBindValue(id);
            if (!q.exec())
                return unexpected(sqlError(q.lastError()));
        }
        return true;
    });
}

Expected<bool> RegistrationLog::setAside(const QByteArray& id, const QString& reason) {
    return d->transaction([&]() -> Expected<bool> {
        QSqlQuery q(d->db());
        q.prepare(QStringLiteral("UPDATE records SET set_aside = ? WHERE id = ? AND acked_ms IS NULL"));
        q.addBindValue(reason.isEmpty() ? QStringLiteral("rejected") : reason);
        q.addBindValue(id);
        if (!q.exec())
            return unexpected(sqlError(q.lastError()));
        return true;
    });
}

Expected<bool> RegistrationLog::recordAccess(const LogAccess& a) {
    if (a.reason.trimmed().isEmpty())
        return unexpected(QStringLiteral("access_reason_missing: say why the record is opened"));
    return d->transaction([&]() -> Expected<bool> {
        QSqlQuery q(d->db());
        q.prepare(
            QStringLiteral("INSERT INTO access (at_ms, record_id, operator, reason) VALUES (?, ?, ?, ?)"));
        q.addBindValue(a.atMs);
        q.addBindValue(a.recordId);
        q.addBindValue(a.operatorId.isNull() ? QStringLiteral("") : a.operatorId);
        q.addBindValue(a.reason.trimmed());
        if (!q.exec())
            return unexpected(sqlError(q.lastError()));
        return true;
    });
}

Expected<QList<LogAccess>> RegistrationLog::accessSince(qint64 fromMs) const {
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral(
        "SELECT at_ms, record_id, operator, reason FROM access WHERE at_ms >= ? ORDER BY at_ms"));
    q.addBindValue(fromMs);
    if (!q.exec())
        return unexpected(sqlError(q.lastError()));
    QList<LogAccess> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

Expected<qint64> RegistrationLog::purge(qint64 nowMs, int retentionDays) {
    qint64 n = 0;
    auto ok = d->transaction([&]() -> Expected<bool> {
        QSqlQuery q(d->db());
        // Only acknowledged records, and only once the retention period after the
        // acknowledgement has passed. personal_hash stays, so the chain still verifies.
        q.prepare(
            QStringLiteral("UPDATE records SET personal = NULL, purged_ms = ? WHERE acked_ms IS NOT NULL"
                           " AND purged_ms IS NULL AND acked_ms < ?"));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs - qint64(retentionDays) * 86400000);
        if (!q.exec())
            return unexpected(sqlError(q.lastError()));
        n = q.numRowsAffected();
        return true;
    });
    if (!ok)
        return unexpected(ok.error());
    return n;
}

Expected<LogStatus> RegistrationLog::status() const {
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
        return unexpected(sqlError(q.lastError()));
    s.unsent = *unsent;
    s.setAside = *aside;
    s.oldestUnsentMs = *oldest;
    s.lastCheckpointSeq = *cp;
    s.headSeq = d->headSeq;
    return s;
}

LogVerifyReport RegistrationLog::verify() const {
    LogVerifyReport report;
    auto problem = [&](LogProblem::Kind kind, qint64 seq, const QByteArray& id, const QString& text,
                       qint64 last = 0) {
        report.problems.append({kind, seq, last ? last : seq, recordIdText(id), text});
    };
    struct Cp {
        QByteArray chain, signature;
        qint64 createdMs;
    };
    std::map<qint64, Cp> checkpoints;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (d->version >= 2 &&
        q.exec(QStringLiteral("SELECT seq, chain_hash, created_ms, signature FROM checkpoints")))
        while (q.next())
            checkpoints[q.value(0).toLongLong()] = {q.value(1).toByteArray(), q.value(3).toByteArray(),
                                                    q.value(2).toLongLong()};
    q.finish();
    report.checkpoints = qint64(checkpoints.size());
    auto signedOk = [&](qint64 seq, const Cp& cp) {
        return d->publicKey.verify(checkpointMessage(d->terminalId, seq, cp.chain, cp.createdMs),
                                   cp.signature);
    };
    // Every checkpoint's signature is checked (about 50 µs each): a checkpoint that is not the
    // terminal's own is evidence of tampering even where its chain hash matches.
    std::map<qint64, QByteArray> storedAt; // the stored chain hash at each checkpoint's record

    // The anchor outside the database (log/LogAnchor.h): a truncation, a tail deleted with its
    // checkpoints, or an acknowledgement the gateway never gave shows against it.
    std::optional<LogAnchor> anchor;
    if (!d->options.anchorPath.isEmpty()) {
        auto read = LogAnchor::read(d->options.anchorPath);
        if (!read)
            problem(LogProblem::Kind::AnchorMissing, 0, {}, read.error());
        else if (!*read)
            problem(LogProblem::Kind::AnchorMissing, 0, {},
                    QStringLiteral("the anchor file %1 is gone: the log's length can no longer be checked")
                        .arg(d->options.anchorPath));
        else if ((*read)->logId != d->logId)
            problem(LogProblem::Kind::AnchorMismatch, 0, {},
                    QStringLiteral("the anchor file belongs to another log"));
        else
            anchor = **read;
    }
    QByteArray chainAtCheckpointAnchor, chainAtGatewayAnchor;
    QList<qint64> ackedBeyondGateway;

    if (!q.exec(kSelect + QStringLiteral("ORDER BY seq"))) {
        problem(LogProblem::Kind::Edited, 0, {},
                QStringLiteral("cannot read the log: %1").arg(q.lastError().text()));
        return report;
    }
    qint64 expected = 1;
    QByteArray previous(32, '\0');
    while (q.next()) {
        const Registration r = d->fromRow(q, false);
        const QByteArray personal = column(q, Col::Personal).toByteArray();
        const QByteArray personalHash = column(q, Col::PersonalHash).toByteArray();
        const QByteArray storedContent = column(q, Col::ContentHash).toByteArray();
        const QByteArray storedChain = column(q, Col::ChainHash).toByteArray();
        ++report.records;
        if (r.purgedAtMs)
            ++report.purged;
        if (r.seq > expected)
            problem(LogProblem::Kind::Deleted, expected, {},
                    r.seq - 1 == expected
                        ? QStringLiteral("record %1 is missing").arg(expected)
                        : QStringLiteral("records %1 to %2 are missing").arg(expected).arg(r.seq - 1),
                    r.seq - 1);
        bool contentOk =
            contentHash(r, personalHash.isEmpty() ? QByteArray() : personalHash) == storedContent;
        if (!personal.isEmpty() && sha256({personal}) != personalHash)
            contentOk = false;
        if (personal.isEmpty() && !personalHash.isEmpty() && !r.purgedAtMs)
            contentOk = false; // personal fields removed without a purge
        if (r.purgedAtMs && !r.ackedAtMs)
            contentOk = false; // purged before the gateway had it
        if (!contentOk)
            problem(LogProblem::Kind::Edited, r.seq, r.id,
                    QStringLiteral("record %1 (%2) was changed after it was written")
                        .arg(r.seq)
                        .arg(recordIdText(r.id)));
        else if (r.seq == expected && chainHash(previous, r.seq, storedContent) != storedChain)
            problem(LogProblem::Kind::Inserted, r.seq, r.id,
                    QStringLiteral("the chain breaks at record %1 (%2): it, or the record before it, was "
                                   "inserted or replaced")
                        .arg(r.seq)
                        .arg(recordIdText(r.id)));
        if (checkpoints.count(r.seq))
            storedAt[r.seq] = storedChain;
        if (anchor && r.seq == anchor->checkpointSeq)
            chainAtCheckpointAnchor = storedChain;
        if (anchor && r.seq == anchor->gatewaySeq)
            chainAtGatewayAnchor = storedChain;
        if (anchor && r.ackedAtMs && r.seq > anchor->gatewaySeq)
            ackedBeyondGateway.append(r.seq);
        previous = storedChain; // go on from what is stored, so each problem is named once
        expected = r.seq + 1;
    }
    for (auto it = checkpoints.begin(); it != checkpoints.end(); ++it) {
        const qint64 seq = it->first;
        const auto stored = storedAt.find(seq);
        const bool mismatch = stored != storedAt.end() && stored->second != it->second.chain;
        if (!signedOk(seq, it->second)) {
            problem(LogProblem::Kind::CheckpointSignature, seq, {},
                    QStringLiteral("checkpoint at record %1 is not signed by this terminal's key").arg(seq));
            continue;
        }
        if (mismatch)
            problem(LogProblem::Kind::CheckpointMismatch, seq, {},
                    QStringLiteral("the chain at record %1 differs from the signed checkpoint: the log was "
                                   "rewritten up to there")
                        .arg(seq));
        else if (seq >= expected && std::next(it) == checkpoints.end())
            problem(LogProblem::Kind::Truncated, expected, {},
                    QStringLiteral("records %1 to %2 were signed in a checkpoint but are gone")
                        .arg(expected)
                        .arg(seq),
                    seq);
    }
    if (anchor) {
        const struct {
            const char* what;
            qint64 seq;
            const QByteArray& chain;
            const QByteArray& stored;
        } heads[] = {{"the newest signed checkpoint", anchor->checkpointSeq, anchor->checkpointChain,
                      chainAtCheckpointAnchor},
                     {"the head the gateway confirmed", anchor->gatewaySeq, anchor->gatewayChain,
                      chainAtGatewayAnchor}};
        for (const auto& h : heads) {
            if (h.seq == 0)
                continue;
            if (h.stored.isEmpty())
                problem(LogProblem::Kind::Truncated, h.seq, {},
                        QStringLiteral("record %1 (%2, kept outside the database) is gone: the log was cut "
                                       "short or emptied")
                            .arg(h.seq)
                            .arg(QLatin1String(h.what)),
                        h.seq);
            else if (h.stored != h.chain)
                problem(LogProblem::Kind::AnchorMismatch, h.seq, {},
                        QStringLiteral("the chain at record %1 differs from %2: the log was rewritten up to "
                                       "there")
                            .arg(h.seq)
                            .arg(QLatin1String(h.what)));
        }
        if (!ackedBeyondGateway.isEmpty()) {
            QStringList seqs;
            for (qint64 seq : ackedBeyondGateway)
                seqs.append(QString::number(seq));
            problem(
                LogProblem::Kind::AckedUnconfirmed, ackedBeyondGateway.first(), {},
                QStringLiteral("records %1 are marked acknowledged, but the gateway confirmed records up to "
                               "%2 only")
                    .arg(seqs.join(QStringLiteral(", ")))
                    .arg(anchor->gatewaySeq),
                ackedBeyondGateway.last());
        }
    }
    return report;
}

} // namespace lz
