#pragma once
// The registration log's insides, shared by the files that implement it (RegistrationLog.cpp:
// open, append, lists and the outbox; LogVerify.cpp: the chain's check; LogAccess.cpp: staff
// access to personal fields; LogRetention.cpp: purging). Private to core/log.
#include "log/RegistrationLog.h"

#include "credential/IdentityJson.h"
#include "crypto/Digest.h"
#include "log/LogAnchor.h"
#include "log/LogBinding.h"
#include "log/LogChain.h"
#include "log/RecordId.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <type_traits>

namespace lz {
namespace logimpl {

// QtSql binds a null QString as SQL NULL; the log's text columns are NOT NULL, empty allowed.
inline QString text(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// The record columns read back, in kSelect's order: read by name (Col::Personal), never by a
// bare index.
enum class Col {
    Seq,
    Id,
    CreatedMs,
    UtcOffsetS,
    Kind,
    Method,
    Valid,
    Reason,
    DocumentKind,
    Issuer,
    CredentialId,
    TrustSeq,
    VenueId,
    VenueType,
    TerminalId,
    Operator,
    Personal,
    PersonalHash,
    ContentHash,
    ChainHash,
    AckedMs,
    SetAside,
    PurgedMs
};
inline const QString kSelect = QStringLiteral(
    "SELECT seq, id, created_ms, utc_offset_s, kind, method, valid, reason, document_kind, issuer,"
    " credential_id, trust_seq, venue_id, venue_type, terminal_id, operator, personal, personal_hash,"
    " content_hash, chain_hash, acked_ms, set_aside, purged_ms FROM records ");
inline QVariant column(const QSqlQuery& q, Col c) {
    return q.value(int(c));
}

} // namespace logimpl

using logimpl::Col;
using logimpl::column;
using logimpl::kSelect;
using logimpl::text;

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

    LogResult<void> exec(const QString& sql) const {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return unexpected(sqlFailure(q.lastError()));
        return {};
    }

    Registration fromRow(const QSqlQuery& q, bool openPersonal,
                         std::optional<LogFailure>* error = nullptr) const {
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
                        *error = LogFailure{LogError::SealedFieldCorrupt,
                                            QStringLiteral("identity unreadable: %1").arg(id.error())};
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
    LogResult<QList<Registration>> select(const QString& where, const QVariantList& values,
                                          bool checkContent = false) const {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(kSelect + where);
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        QList<Registration> out;
        while (q.next()) {
            std::optional<LogFailure> error;
            out.append(fromRow(q, true, &error));
            if (checkContent) {
                Registration& r = out.last();
                const QByteArray sealed = column(q, Col::Personal).toByteArray();
                r.contentMismatch = contentHash(r, r.personalHash) != r.contentHash ||
                                    (!sealed.isEmpty() && sha256({sealed}) != r.personalHash);
            }
            if (error)
                return logFailure(
                    error->code,
                    QStringLiteral("%1 (record %2)").arg(error->detail, recordIdText(out.last().id)));
        }
        return out;
    }

    LogResult<void> insert(Registration& r) {
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
        return {};
    }

    LogResult<void> insertCheckpoint(qint64 nowMs) {
        if (headSeq == 0)
            return {};
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO checkpoints (seq, chain_hash, created_ms, signature) VALUES (?,?,?,?)"));
        q.addBindValue(headSeq);
        q.addBindValue(headChain);
        q.addBindValue(nowMs);
        q.addBindValue(key.sign(checkpointMessage(terminalId, headSeq, headChain, nowMs)));
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        return {};
    }

    // Runs body in one transaction; rolls back (and restores the cached head) on failure.
    template <typename F> auto transaction(F body) -> decltype(body()) {
        using Result = decltype(body());
        auto failed = [](const LogFailure& f) -> Result { return unexpected(f); };
        const qint64 seq = headSeq;
        const QByteArray chain = headChain;
        if (auto b = exec(QStringLiteral("BEGIN IMMEDIATE")); !b)
            return failed(b.error());
        Result result = body();
        if (result)
            if (auto c = exec(QStringLiteral("COMMIT")); !c)
                result = failed(c.error());
        if (!result) {
            (void)exec(QStringLiteral("ROLLBACK"));
            headSeq = seq;
            headChain = chain;
        }
        return result;
    }
};

} // namespace lz
