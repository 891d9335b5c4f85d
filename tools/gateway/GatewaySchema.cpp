#include "GatewaySchema.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lz::gateway {
namespace {

constexpr qint64 kDayMs = 86'400'000;
// pg_try_advisory_lock's key for partition maintenance ("LZPA"), pg_advisory_lock's for the
// schema ("LZSC").
constexpr qint64 kMaintenanceLock = 0x4c5a5041;
constexpr qint64 kSchemaLock = 0x4c5a5343;

const char kRecordColumns[] =
    "(id uuid NOT NULL, terminal_id text NOT NULL, seq bigint NOT NULL, created_ms bigint NOT NULL,"
    " received_at timestamptz NOT NULL DEFAULT now(), kind text NOT NULL, valid boolean NOT NULL,"
    " reason text NOT NULL, venue_id text NOT NULL, chain_hash bytea NOT NULL, body jsonb NOT NULL,"
    " target uuid)";

const QStringList kOtherTables = {
    QStringLiteral(
        "CREATE TABLE IF NOT EXISTS terminals (id text PRIMARY KEY, checkpoint_key text NOT NULL,"
        " head_seq bigint NOT NULL DEFAULT 0, head_chain bytea,"
        " first_seen timestamptz NOT NULL DEFAULT now(), last_seen timestamptz NOT NULL DEFAULT now())"),
    QStringLiteral("CREATE TABLE IF NOT EXISTS checkpoints (terminal_id text NOT NULL, seq bigint NOT NULL,"
                   " chain_hash bytea NOT NULL, created_ms bigint NOT NULL, signature bytea NOT NULL,"
                   " PRIMARY KEY (terminal_id, seq))"),
    QStringLiteral("CREATE TABLE IF NOT EXISTS flags (id bigserial PRIMARY KEY, terminal_id text NOT NULL,"
                   " seq bigint NOT NULL, kind text NOT NULL, detail text NOT NULL,"
                   " at timestamptz NOT NULL DEFAULT now())"),
    // The police side (PoliceApi): officers by their certificate's CN, and the audit trail of
    // every query (a deployment grants the gateway's role INSERT and SELECT on it, nothing more).
    // An audit row of an officer not registered has no role (NULL).
    QStringLiteral(
        "CREATE TABLE IF NOT EXISTS officers (id text PRIMARY KEY, role text NOT NULL CHECK (role IN"
        " ('investigator', 'analyst', 'auditor')), active boolean NOT NULL DEFAULT true,"
        " added_at timestamptz NOT NULL DEFAULT now())"),
    QStringLiteral(
        "CREATE TABLE IF NOT EXISTS audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT"
        " now(), officer text NOT NULL, role text, action text NOT NULL, parameters jsonb NOT"
        " NULL, outcome text NOT NULL)"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS audit_at ON audit (at)"),
    // Append-only: a row of the trail is never changed or removed through the gateway's SQL (the
    // owner could drop the trigger: a deployment gives the gateways a role that does not own it).
    QStringLiteral("CREATE OR REPLACE FUNCTION lz_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                   " $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$"),
    QStringLiteral("CREATE OR REPLACE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit"
                   " FOR EACH STATEMENT EXECUTE FUNCTION lz_audit_append_only()"),
};

// The police's lookups, on every partition (a partition made later gets them when attached).
const QStringList kRecordIndexes = {
    QStringLiteral(
        "CREATE INDEX IF NOT EXISTS records_person ON records ((body->'identity'->>'number'), id)"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS records_venue ON records (venue_id, id)"),
};

QString dbError(const QSqlQuery& q) {
    return QStringLiteral("gateway_db: %1").arg(q.lastError().text());
}

qint64 dayStart(qint64 ms) {
    return ms - ((ms % kDayMs) + kDayMs) % kDayMs;
}

// Runs statements in one transaction; the first failure rolls it back and is returned.
Expected<void> inTransaction(QSqlDatabase& db, const std::function<Expected<void>(QSqlQuery&)>& work) {
    if (!db.transaction())
        return unexpected(QStringLiteral("gateway_db: %1").arg(db.lastError().text()));
    QSqlQuery q(db);
    if (auto done = work(q); !done) {
        db.rollback();
        return done;
    }
    if (!db.commit()) {
        const QString e = db.lastError().text();
        db.rollback();
        return unexpected(QStringLiteral("gateway_db: commit: %1").arg(e));
    }
    return {};
}

Expected<void> exec(QSqlQuery& q, const QString& sql) {
    if (!q.exec(sql))
        return unexpected(dbError(q));
    return {};
}

// 'r' plain table, 'p' partitioned, empty: none.
Expected<QString> recordsKind(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT relkind FROM pg_class WHERE oid = to_regclass('records')")))
        return unexpected(dbError(q));
    return q.next() ? q.value(0).toString() : QString();
}

struct Partition {
    QString name, from, to; // bounds as uuid text; "" is MINVALUE, "~" MAXVALUE
    bool isDefault = false;
};

Expected<QList<Partition>> partitions(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c"
            " ON c.oid = i.inhrelid WHERE i.inhparent = 'records'::regclass ORDER BY 1")))
        return unexpected(dbError(q));
    static const QRegularExpression bound(
        QStringLiteral("FROM \\((?:'([0-9a-f-]+)'|(MINVALUE))\\) TO \\((?:'([0-9a-f-]+)'|(MAXVALUE))\\)"));
    QList<Partition> out;
    while (q.next()) {
        Partition p{q.value(0).toString(), {}, {}};
        const QString expr = q.value(1).toString();
        if (expr == QLatin1String("DEFAULT")) {
            p.isDefault = true;
        } else {
            const auto m = bound.match(expr);
            if (!m.hasMatch())
                return unexpected(QStringLiteral("gateway_db: partition %1 has bounds this gateway does not "
                                                 "know: %2")
                                      .arg(p.name, expr));
            p.from = m.captured(1);
            p.to = m.captured(4).isEmpty() ? m.captured(3) : QStringLiteral("~");
        }
        out.append(p);
    }
    return out;
}

Expected<void> createPartitioned(QSqlQuery& q) {
    for (const QString& sql :
         {QStringLiteral("CREATE TABLE records %1 PARTITION BY RANGE (id)")
              .arg(QLatin1String(kRecordColumns)),
          QStringLiteral("ALTER TABLE records ADD PRIMARY KEY (id)"),
          QStringLiteral("CREATE INDEX records_terminal_seq ON records (terminal_id, seq)"),
          QStringLiteral("CREATE INDEX records_target ON records (target) WHERE target IS NOT NULL"),
          // Ids no daily partition takes (a terminal's clock far off, a partition not made yet)
          // land here; maintenance moves them out when their day's partition is made.
          QStringLiteral("CREATE TABLE records_other PARTITION OF records DEFAULT")})
        if (auto e = exec(q, sql); !e)
            return e;
    return {};
}

// A gateway from before issue 20 made `records` a plain table: it becomes records_legacy, the
// partition of every id before tomorrow, in one transaction (all or nothing).
Expected<void> migrateUnpartitioned(QSqlDatabase& db, qint64 nowMs) {
    const QString bound = uuidAtMs(dayStart(nowMs) + kDayMs);
    return inTransaction(db, [&](QSqlQuery& q) -> Expected<void> {
        for (const QString& sql :
             {QStringLiteral("LOCK TABLE records IN ACCESS EXCLUSIVE MODE"),
              // The oldest gateways had no target column yet.
              QStringLiteral("ALTER TABLE records ADD COLUMN IF NOT EXISTS target uuid"),
              QStringLiteral("ALTER TABLE records RENAME TO records_legacy"),
              // Renaming the index renames the primary key constraint it carries.
              QStringLiteral("ALTER INDEX records_pkey RENAME TO records_legacy_pkey"),
              QStringLiteral(
                  "ALTER INDEX IF EXISTS records_terminal_seq RENAME TO records_legacy_terminal_seq"),
              QStringLiteral("ALTER INDEX IF EXISTS records_target RENAME TO records_legacy_target")})
            if (auto e = exec(q, sql); !e)
                return e;
        if (auto e = createPartitioned(q); !e)
            return e;
        for (const QString& sql :
             {QStringLiteral("INSERT INTO records_other SELECT * FROM records_legacy WHERE id >= '%1'")
                  .arg(bound),
              QStringLiteral("DELETE FROM records_legacy WHERE id >= '%1'").arg(bound),
              QStringLiteral(
                  "ALTER TABLE records ATTACH PARTITION records_legacy FOR VALUES FROM (MINVALUE) TO "
                  "('%1')")
                  .arg(bound)})
            if (auto e = exec(q, sql); !e)
                return e;
        return {};
    });
}

} // namespace

QString uuidAtMs(qint64 unixMs) {
    const QString hex =
        QStringLiteral("%1").arg(quint64(unixMs) & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-0000-0000-000000000000");
}

Expected<void> applySchema(QSqlDatabase& db, qint64 nowMs, const PartitionPolicy& policy) {
    // Gateways starting together on one database take turns: the second sees what the first made
    // (a migration done, tables there) instead of racing it.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pg_advisory_lock(?)"));
    q.addBindValue(kSchemaLock);
    if (!q.exec())
        return unexpected(dbError(q));
    auto applied = [&]() -> Expected<void> {
        for (const QString& sql : kOtherTables)
            if (auto e = exec(q, sql); !e)
                return e;
        auto kind = recordsKind(db);
        if (!kind)
            return unexpected(kind.error());
        if (kind->isEmpty()) {
            if (auto e = inTransaction(db, createPartitioned); !e)
                return e;
        } else if (*kind == QLatin1String("r")) {
            if (auto e = migrateUnpartitioned(db, nowMs); !e)
                return e;
        }
        for (const QString& sql : kRecordIndexes)
            if (auto e = exec(q, sql); !e)
                return e;
        return {};
    }();
    QSqlQuery unlock(db);
    unlock.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
    unlock.addBindValue(kSchemaLock);
    unlock.exec();
    if (!applied)
        return applied;
    auto maintained = maintainPartitions(db, nowMs, policy);
    if (!maintained)
        return unexpected(maintained.error());
    if (!maintained->errors.isEmpty()) // the records_other partition takes the rows meanwhile
        qWarning("partition maintenance: %s", qPrintable(maintained->errors.join(QStringLiteral("; "))));
    return {};
}

Expected<PartitionReport> maintainPartitions(QSqlDatabase& db, qint64 nowMs, const PartitionPolicy& policy) {
    PartitionReport report;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?)"));
    q.addBindValue(kMaintenanceLock);
    if (!q.exec() || !q.next())
        return unexpected(dbError(q));
    if (!q.value(0).toBool()) {
        report.skipped = true;
        return report;
    }
    auto result = [&]() -> Expected<PartitionReport> {
        auto existing = partitions(db);
        if (!existing)
            return unexpected(existing.error());
        const qint64 today = dayStart(nowMs);
        // With retention, a day it would drop again is never made (its late records stay in
        // records_other, which retention never drops).
        const QString keepFrom =
            policy.retentionDays > 0 ? uuidAtMs(today - qint64(policy.retentionDays) * kDayMs) : QString();
        for (int d = -policy.backfillDays; d <= policy.aheadDays; ++d) {
            const qint64 from = today + d * kDayMs;
            const QString lo = uuidAtMs(from), hi = uuidAtMs(from + kDayMs);
            if (!keepFrom.isEmpty() && hi <= keepFrom)
                continue;
            const bool covered = std::any_of(existing->cbegin(), existing->cend(), [&](const Partition& p) {
                return !p.isDefault && lo < p.to && p.from < hi;
            });
            if (covered)
                continue;
            const QString name =
                QStringLiteral("records_p") +
                QDateTime::fromMSecsSinceEpoch(from, Qt::UTC).toString(QStringLiteral("yyyyMMdd"));
            qint64 moved = 0;
            auto made = inTransaction(db, [&](QSqlQuery& t) -> Expected<void> {
                // Never queue behind a long query while holding up the batches behind us.
                for (const QString& sql :
                     {QStringLiteral("SET LOCAL lock_timeout = '5s'"),
                      // Nothing may land in the default partition between the move and the
                      // attach (ATTACH would then find a row of the new range there).
                      QStringLiteral("LOCK TABLE records_other IN ACCESS EXCLUSIVE MODE"),
                      QStringLiteral("CREATE TABLE %1 (LIKE records INCLUDING DEFAULTS)").arg(name),
                      QStringLiteral("WITH m AS (DELETE FROM records_other WHERE id >= '%2' AND id < '%3' "
                                     "RETURNING *) INSERT INTO %1 SELECT * FROM m")
                          .arg(name, lo, hi)})
                    if (auto e = exec(t, sql); !e)
                        return e;
                moved = t.numRowsAffected();
                return exec(
                    t, QStringLiteral("ALTER TABLE records ATTACH PARTITION %1 FOR VALUES FROM ('%2') TO "
                                      "('%3')")
                           .arg(name, lo, hi));
            });
            if (!made) { // said, and tried again at the next run; the next day may still be made
                report.errors.append(QStringLiteral("%1: %2").arg(name, made.error()));
                continue;
            }
            report.created.append(name);
            report.movedFromDefault += std::max<qint64>(moved, 0);
            existing->append(Partition{name, lo, hi});
        }
        if (!keepFrom.isEmpty()) {
            for (const Partition& p : *existing) {
                if (p.isDefault || p.to == QLatin1String("~") || p.to > keepFrom)
                    continue;
                auto dropped = inTransaction(db, [&](QSqlQuery& t) -> Expected<void> {
                    if (auto e = exec(t, QStringLiteral("SET LOCAL lock_timeout = '5s'")); !e)
                        return e;
                    return exec(t, QStringLiteral("DROP TABLE \"%1\"").arg(p.name));
                });
                if (!dropped) {
                    report.errors.append(QStringLiteral("%1: %2").arg(p.name, dropped.error()));
                    continue;
                }
                report.dropped.append(p.name);
            }
        }
        return report;
    }();
    QSqlQuery unlock(db);
    unlock.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
    unlock.addBindValue(kMaintenanceLock);
    unlock.exec();
    return result;
}

} // namespace lz::gateway
