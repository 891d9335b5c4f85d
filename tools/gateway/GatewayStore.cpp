#include "GatewayStore.h"

#include "GatewaySchema.h"
#include "PgConnection.h"
#include "log/RecordId.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <chrono>
#include <thread>

namespace lz::gateway {
namespace {

QString dbError(const QSqlQuery& q) {
    return QStringLiteral("gateway_db: %1").arg(q.lastError().text());
}

} // namespace

Expected<std::unique_ptr<GatewayStore>> GatewayStore::open(const QString& dsn, PartitionPolicy policy) {
    const QString name = QStringLiteral("lz-gateway-") + QUuid::createUuid().toString(QUuid::Id128);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString failure;
    { // every handle to the connection is gone before a failed store removes it
        auto added = addPgConnection(name, dsn);
        if (!added)
            return unexpected(added.error());
        if (!added->open())
            failure = QStringLiteral("gateway_db: cannot connect: %1").arg(added->lastError().text());
        else if (auto schema = applySchema(*added, now, policy); !schema)
            failure = schema.error();
    }
    std::unique_ptr<GatewayStore> store(new GatewayStore(name, policy));
    if (!failure.isEmpty())
        return unexpected(failure);
    store->m_maintainedMs = now;
    return store;
}

GatewayStore::~GatewayStore() {
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

Expected<void> GatewayStore::connect(QSqlDatabase& db) {
    if (db.isOpen())
        return {};
    if (!db.open())
        return unexpected(QStringLiteral("gateway_db: cannot connect: %1").arg(db.lastError().text()));
    return {};
}

void GatewayStore::maintainIfDue(QSqlDatabase& db) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_maintainedMs < kMaintenanceIntervalMs)
        return;
    m_maintainedMs = now; // a failure is said once an hour, not on every batch
    auto report = maintainPartitions(db, now, m_policy);
    if (!report)
        qWarning("partition maintenance failed: %s", qPrintable(report.error()));
    if (report && !report->errors.isEmpty())
        qWarning("partition maintenance: %s", qPrintable(report->errors.join(QStringLiteral("; "))));
    if (report && (!report->created.isEmpty() || !report->dropped.isEmpty()))
        qInfo("partitions created: %s; dropped: %s; rows moved out of records_other: %lld",
              qPrintable(report->created.join(QLatin1Char(' '))),
              qPrintable(report->dropped.join(QLatin1Char(' '))), report->movedFromDefault);
}

bool GatewayStore::healthy() {
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!connect(db))
        return false;
    QSqlQuery q(db);
    if (onWritablePrimary(db))
        return true;
    db.close(); // a standby, or gone: the next call connects again and finds the primary
    return false;
}

Expected<qint64> GatewayStore::count(const QString& table, const QString& terminalId) {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!QStringList{QStringLiteral("records"), QStringLiteral("checkpoints"), QStringLiteral("flags")}
             .contains(table))
        return unexpected(QStringLiteral("no such table"));
    q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE ? = '' OR terminal_id = ?").arg(table));
    q.addBindValue(terminalId.isNull() ? QStringLiteral("") : terminalId);
    q.addBindValue(terminalId.isNull() ? QStringLiteral("") : terminalId);
    if (!q.exec() || !q.next())
        return unexpected(dbError(q));
    return q.value(0).toLongLong();
}

Expected<BatchOutcome, StoreFailure>
GatewayStore::storeBatch(const QString& terminalId, const QString& terminalKeyPem, const QJsonObject& batch) {
    for (int attempt = 1;; ++attempt) {
        auto outcome = storeBatchOnce(terminalId, terminalKeyPem, batch);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (outcome) {
            m_downSinceMs = 0;
            return outcome;
        }
        // Only a database that went away is waited for: a statement the primary refused fails
        // the same way again (503 at once, the terminal retries later).
        if (!outcome.error().transient)
            return outcome;
        if (m_downSinceMs == 0)
            m_downSinceMs = now;
        // One window per outage, not per batch: the gateway has one thread, and the batches that
        // queued behind this one must not wait 10 s each once it is over.
        if (now - m_downSinceMs >= m_dbRetryMs)
            return outcome;
        if (attempt == 1)
            qWarning("database unavailable, retrying for up to %lld ms: %s",
                     m_dbRetryMs - (now - m_downSinceMs), qPrintable(outcome.error().detail));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

bool GatewayStore::onWritablePrimary(QSqlDatabase& db) {
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT NOT pg_is_in_recovery()")) && q.next() && q.value(0).toBool();
}

Expected<BatchOutcome, StoreFailure> GatewayStore::storeBatchOnce(const QString& terminalId,
                                                                  const QString& terminalKeyPem,
                                                                  const QJsonObject& batch) {
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (auto connected = connect(db); !connected)
        return unexpected(StoreFailure{StoreFailure::Kind::Unavailable, connected.error(), true});
    maintainIfDue(db);
    if (!db.transaction()) {
        const QString e = db.lastError().text();
        db.close(); // the next batch connects again (to whichever node is the primary then)
        return unexpected(
            StoreFailure{StoreFailure::Kind::Unavailable, QStringLiteral("gateway_db: %1").arg(e), true});
    }
    BatchOutcome out;
    QSqlQuery q(db);
    auto fail = [&](const QString& e,
                    StoreFailure::Kind kind =
                        StoreFailure::Kind::Unavailable) -> Expected<BatchOutcome, StoreFailure> {
        db.rollback();
        if (kind != StoreFailure::Kind::Unavailable)
            return unexpected(StoreFailure{kind, e, false});
        // Did the database go away (a node that died, or is no longer the primary), or did it
        // refuse this batch? Asked on the same connection: only the first is worth a new
        // connection and a retry (Qt never reconnects by itself).
        const bool gone = !onWritablePrimary(db);
        if (gone)
            db.close();
        return unexpected(StoreFailure{kind, e, gone});
    };
    QString flagError; // why the last flag() could not be written
    auto flag = [&](qint64 seq, const QString& kind, const QString& detail) -> bool {
        QSqlQuery f(db);
        f.prepare(QStringLiteral("INSERT INTO flags (terminal_id, seq, kind, detail) VALUES (?,?,?,?)"));
        f.addBindValue(terminalId);
        f.addBindValue(seq);
        f.addBindValue(kind);
        f.addBindValue(detail);
        out.flags.append(QStringLiteral("%1 %2 at %3: %4").arg(terminalId, kind).arg(seq).arg(detail));
        if (!f.exec()) {
            flagError = dbError(f);
            return false;
        }
        return true;
    };

    // The terminal's row, locked for this batch: records of one terminal are checked in order.
    q.prepare(
        QStringLiteral("INSERT INTO terminals (id, checkpoint_key) VALUES (?, ?) ON CONFLICT (id) DO UPDATE"
                       " SET last_seen = now() RETURNING checkpoint_key, head_seq, head_chain"));
    q.addBindValue(terminalId);
    q.addBindValue(terminalKeyPem);
    if (!q.exec() || !q.next())
        return fail(dbError(q));
    const QString pinnedKey = q.value(0).toString();
    qint64 headSeq = q.value(1).toLongLong();
    QByteArray headChain = q.value(2).isNull() ? QByteArray(32, '\0') : q.value(2).toByteArray();
    if (pinnedKey != terminalKeyPem &&
        !flag(0, QStringLiteral("key_changed"),
              QStringLiteral("the terminal's checkpoint key differs from the pinned one")))
        return fail(flagError);

    // A void or a correction amends a registration this terminal sent before (its records come in
    // order), not voided since. Anything else is flagged for the police's operators — never
    // refused: refusing would lose the staff's word that a registration was wrong.
    auto checkAmendment = [&](const Registration& r, const QByteArray& target) -> bool {
        QSqlQuery t(db);
        t.prepare(
            QStringLiteral("SELECT kind, (SELECT count(*) FROM records v WHERE v.target = ?::uuid"
                           " AND v.terminal_id = ? AND v.kind = 'void' AND v.id <> ?::uuid) FROM records"
                           " WHERE id = ?::uuid AND terminal_id = ?"));
        t.addBindValue(recordIdText(target));
        t.addBindValue(terminalId);
        t.addBindValue(recordIdText(r.id));
        t.addBindValue(recordIdText(target));
        t.addBindValue(terminalId);
        if (!t.exec()) {
            flagError = dbError(t);
            return false;
        }
        if (!t.next())
            return flag(r.seq, QStringLiteral("unknown_target"),
                        QStringLiteral("the %1 names record %2, which this terminal never sent")
                            .arg(recordKindName(r.kind), recordIdText(target)));
        const auto kind = recordKindFromName(t.value(0).toString());
        if (kind != RecordKind::Registration && kind != RecordKind::ManualRegistration)
            return flag(r.seq, QStringLiteral("bad_target"),
                        QStringLiteral("the %1 names a %2, not a registration")
                            .arg(recordKindName(r.kind), t.value(0).toString()));
        if (t.value(1).toLongLong() > 0)
            return flag(
                r.seq, QStringLiteral("target_voided"),
                QStringLiteral("the %1 names a registration voided already").arg(recordKindName(r.kind)));
        return true;
    };

    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO records (id, terminal_id, seq, created_ms, kind, valid, reason, venue_id,"
                       " chain_hash, body, target) VALUES (?::uuid,?,?,?,?,?,?,?,?,?::jsonb,?::uuid)"
                       " ON CONFLICT (id) DO NOTHING"));
    for (const QJsonValue& v : batch.value(QLatin1String("records")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString idText = o.value(QLatin1String("id")).toString();
        auto r = wire::recordFromJson(o);
        if (!r) {
            // Poisoned: acknowledged as invalid with the reason; the terminal sets it aside.
            const QByteArray id = recordIdFromText(idText);
            if (id.isEmpty())
                return fail(QStringLiteral("bad_request: a record without a readable id"),
                            StoreFailure::Kind::BadRequest);
            out.acks.append({id, wire::AckStatus::Invalid, r.error()});
            continue;
        }
        if (!m_venues.isEmpty() && !m_venues.contains(r->venue.venueId)) {
            out.acks.append(
                {r->id, wire::AckStatus::Invalid,
                 QStringLiteral("unknown_venue: %1 is not a registered venue").arg(r->venue.venueId)});
            continue;
        }
        // PostgreSQL's jsonb cannot hold U+0000: such a record could never be stored, and a batch
        // refused for it would be sent again for ever behind it. It is set aside, with the reason.
        const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
        if (json.contains("\\u0000")) {
            out.acks.append({r->id, wire::AckStatus::Invalid,
                             QStringLiteral("unstorable: a field holds the character U+0000")});
            continue;
        }
        if (r->venue.terminalId != terminalId) {
            out.acks.append({r->id, wire::AckStatus::Invalid,
                             QStringLiteral("record of terminal %1 sent by terminal %2")
                                 .arg(r->venue.terminalId, terminalId)});
            continue;
        }
        insert.addBindValue(idText);
        insert.addBindValue(terminalId);
        insert.addBindValue(r->seq);
        insert.addBindValue(r->createdAtMs);
        insert.addBindValue(recordKindName(r->kind));
        insert.addBindValue(r->valid);
        insert.addBindValue(r->reason.isNull() ? QStringLiteral("") : r->reason);
        insert.addBindValue(r->venue.venueId);
        insert.addBindValue(r->chainHash);
        insert.addBindValue(QString::fromUtf8(json));
        const QByteArray target = amendedRecordId(*r);
        insert.addBindValue(target.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                             : QVariant(recordIdText(target)));
        if (!insert.exec())
            return fail(dbError(insert));
        if (insert.numRowsAffected() == 0) {
            out.acks.append({r->id, wire::AckStatus::Duplicate, {}});
            continue;
        }
        out.acks.append({r->id, wire::AckStatus::Stored, {}});
        // The content hash as this gateway computes it from the fields it received (never the
        // terminal's word for it): a record edited in the terminal's database is flagged here.
        // A terminal from before issue 14 sends no personal_hash: its content hash is taken as sent
        // and the record is flagged as not recomputable.
        const QByteArray content = r->personalHashKnown ? contentHash(*r, r->personalHash) : r->contentHash;
        bool ok = true;
        if (!r->personalHashKnown)
            ok = flag(r->seq, QStringLiteral("content_unverifiable"),
                      QStringLiteral(
                          "an older terminal sent no personal_hash: the content hash was not recomputed"));
        else if (content != r->contentHash)
            ok = flag(r->seq, QStringLiteral("content_mismatch"),
                      QStringLiteral("the fields received do not give the record's content hash: it was "
                                     "changed after it was written"));
        if (ok && r->contentMismatch)
            ok =
                flag(r->seq, QStringLiteral("terminal_reported_change"),
                     QStringLiteral("the terminal found this record changed after it was written (its sealed "
                                    "fields or its hashes)"));
        if (ok && !target.isEmpty())
            ok = checkAmendment(*r, target);
        if (!ok)
            return fail(flagError);
        // The chain, as far as this gateway has seen it, over the content hash computed here.
        if (r->seq == headSeq + 1) {
            if (chainHash(headChain, r->seq, content) != r->chainHash)
                ok = flag(r->seq, QStringLiteral("chain_break"),
                          QStringLiteral("does not follow record %1 as received").arg(headSeq));
        } else if (r->seq > headSeq + 1) {
            ok = flag(headSeq + 1, QStringLiteral("gap"),
                      QStringLiteral("records %1 to %2 not received before %3")
                          .arg(headSeq + 1)
                          .arg(r->seq - 1)
                          .arg(r->seq));
        } else {
            ok = flag(r->seq, QStringLiteral("fork"),
                      QStringLiteral("a second, different record with this number"));
        }
        if (!ok)
            return fail(flagError);
        if (r->seq > headSeq) {
            headSeq = r->seq;
            headChain = r->chainHash;
        }
    }
    out.head = {headSeq, headChain};
    q.prepare(QStringLiteral("UPDATE terminals SET head_seq = ?, head_chain = ? WHERE id = ?"));
    q.addBindValue(headSeq);
    q.addBindValue(headChain);
    q.addBindValue(terminalId);
    if (!q.exec())
        return fail(dbError(q));

    // The newest checkpoint: signed by the pinned key, and matching the chain where we have it.
    if (batch.contains(QLatin1String("checkpoint"))) {
        auto cp = wire::checkpointFromJson(batch.value(QLatin1String("checkpoint")).toObject());
        if (cp && cp->seq > 0) {
            auto key = PublicKey::fromPem(pinnedKey.toUtf8());
            const bool signedOk =
                key && key->verify(checkpointMessage(terminalId, cp->seq, cp->chainHash, cp->createdMs),
                                   cp->signature);
            if (!signedOk) {
                if (!flag(cp->seq, QStringLiteral("bad_checkpoint"),
                          QStringLiteral("signature does not verify")))
                    return fail(flagError);
            } else {
                q.prepare(QStringLiteral("SELECT chain_hash FROM records WHERE terminal_id = ? AND seq = ?"));
                q.addBindValue(terminalId);
                q.addBindValue(cp->seq);
                if (!q.exec())
                    return fail(dbError(q));
                if (q.next() && q.value(0).toByteArray() != cp->chainHash &&
                    !flag(cp->seq, QStringLiteral("checkpoint_mismatch"),
                          QStringLiteral("the signed chain differs from the records received")))
                    return fail(flagError);
                q.prepare(QStringLiteral(
                    "INSERT INTO checkpoints (terminal_id, seq, chain_hash, created_ms, signature)"
                    " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"));
                q.addBindValue(terminalId);
                q.addBindValue(cp->seq);
                q.addBindValue(cp->chainHash);
                q.addBindValue(cp->createdMs);
                q.addBindValue(cp->signature);
                if (!q.exec())
                    return fail(dbError(q));
            }
        }
    }
    if (!db.commit())
        return fail(QStringLiteral("gateway_db: commit: %1").arg(db.lastError().text()));
    return out;
}

} // namespace lz::gateway
