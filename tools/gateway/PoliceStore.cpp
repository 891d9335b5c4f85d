#include "PoliceStore.h"

#include "GatewaySchema.h"
#include "PgConnection.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace lz::gateway {
namespace {

QString dbError(const QSqlQuery& q) {
    return QStringLiteral("gateway_db: %1").arg(q.lastError().text());
}

// The connection, opened again if a failure closed it (a failover: Qt never reconnects).
Expected<QSqlDatabase> connection(const QString& name) {
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isOpen() && !db.open())
        return unexpected(QStringLiteral("gateway_db: cannot connect: %1").arg(db.lastError().text()));
    return db;
}

// Runs a prepared query; on failure the connection is closed so that the next call connects again.
Expected<void> run(QSqlDatabase& db, QSqlQuery& q) {
    if (q.exec())
        return {};
    const QString e = dbError(q);
    db.close();
    return unexpected(e);
}

} // namespace

QString officerRoleName(OfficerRole role) {
    switch (role) {
    case OfficerRole::Investigator:
        return QStringLiteral("investigator");
    case OfficerRole::Analyst:
        return QStringLiteral("analyst");
    case OfficerRole::Auditor:
        return QStringLiteral("auditor");
    }
    return {};
}

std::optional<OfficerRole> officerRoleFromName(const QString& name) {
    for (OfficerRole r : {OfficerRole::Investigator, OfficerRole::Analyst, OfficerRole::Auditor})
        if (officerRoleName(r) == name)
            return r;
    return std::nullopt;
}

Expected<std::unique_ptr<PoliceStore>> PoliceStore::open(const QString& replicaDsn,
                                                         const QString& primaryDsn) {
    const QString tag = QUuid::createUuid().toString(QUuid::Id128);
    const QString replicaName = QStringLiteral("lz-police-replica-") + tag,
                  primaryName = QStringLiteral("lz-police-primary-") + tag;
    QString failure;
    { // every handle is gone before a failed store removes the connections
        auto replica = addPgConnection(replicaName, replicaDsn);
        auto primary = addPgConnection(primaryName, primaryDsn);
        if (!replica || !primary)
            failure = !replica ? replica.error() : primary.error();
        // Both reachable at the start, so that a wrong address is said now and not at the first query.
        else if (!replica->open())
            failure = QStringLiteral("gateway_db: cannot connect to the replica: %1")
                          .arg(replica->lastError().text());
        else if (!primary->open())
            failure = QStringLiteral("gateway_db: cannot connect to the primary: %1")
                          .arg(primary->lastError().text());
    }
    std::unique_ptr<PoliceStore> store(new PoliceStore(replicaName, primaryName));
    if (!failure.isEmpty())
        return unexpected(failure);
    return store;
}

PoliceStore::~PoliceStore() {
    for (const QString& name : {m_replica, m_primary}) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

Expected<std::optional<OfficerRole>> PoliceStore::roleOf(const QString& officer) {
    auto db = connection(m_primary);
    if (!db)
        return unexpected(db.error());
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT role FROM officers WHERE id = ? AND active"));
    q.addBindValue(officer);
    if (auto ok = run(*db, q); !ok)
        return unexpected(ok.error());
    if (!q.next())
        return std::optional<OfficerRole>{};
    return officerRoleFromName(q.value(0).toString());
}

Expected<void> PoliceStore::audit(const QString& officer, const QString& role, const QString& action,
                                  const QJsonObject& parameters, const QString& outcome) {
    auto db = connection(m_primary);
    if (!db)
        return unexpected(db.error());
    QSqlQuery q(*db);
    q.prepare(QStringLiteral(
        "INSERT INTO audit (officer, role, action, parameters, outcome) VALUES (?, ?, ?, ?::jsonb, ?)"));
    q.addBindValue(officer);
    q.addBindValue(role);
    q.addBindValue(action);
    q.addBindValue(QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
    q.addBindValue(outcome);
    return run(*db, q); // autocommit: on disk (and on the synchronous standby) before we go on
}

Expected<RecordPage> PoliceStore::records(const RecordQuery& query, bool withPersonalFields) {
    auto db = connection(m_replica);
    if (!db)
        return unexpected(db.error());
    // Time bounds and the cursor are bounds on the id (a UUIDv7: time first), so the planner
    // prunes partitions and walks the (number, id) or (venue, id) index backwards.
    QStringList where;
    QVariantList binds;
    if (!query.idNumber.isEmpty()) {
        where << QStringLiteral("(body->'identity'->>'number') = ?");
        binds << query.idNumber;
    }
    if (!query.venueId.isEmpty()) {
        where << QStringLiteral("venue_id = ?");
        binds << query.venueId;
    }
    if (query.fromMs > 0) {
        where << QStringLiteral("id >= ?::uuid");
        binds << uuidAtMs(query.fromMs);
    }
    if (query.toMs > 0) {
        where << QStringLiteral("id < ?::uuid");
        binds << uuidAtMs(query.toMs);
    }
    if (!query.before.isEmpty()) {
        where << QStringLiteral("id < ?::uuid");
        binds << query.before;
    }
    // Without personal fields: the guest's identity, the credential's id and a foreign guest's visa
    // number (the one personal venue field, core/log/VenueFields) are removed.
    const QString body =
        withPersonalFields ? QStringLiteral("body")
                           : QStringLiteral("body - 'identity' - 'credential_id' #- '{details,visa_number}'");
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT id::text, terminal_id, received_at, %1 FROM records%2 ORDER BY id DESC LIMIT %3")
                  .arg(body, where.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
                  .arg(query.limit + 1));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto ok = run(*db, q); !ok)
        return unexpected(ok.error());
    RecordPage page;
    while (q.next()) {
        if (page.records.size() == query.limit) {
            page.next = page.records.last().value(QLatin1String("id")).toString();
            break;
        }
        page.records.append(
            {{QStringLiteral("id"), q.value(0).toString()},
             {QStringLiteral("terminal_id"), q.value(1).toString()},
             {QStringLiteral("received_at"), q.value(2).toDateTime().toUTC().toString(Qt::ISODateWithMs)},
             {QStringLiteral("record"), QJsonDocument::fromJson(q.value(3).toByteArray()).object()}});
    }
    return page;
}

Expected<RecordPage> PoliceStore::auditTrail(qint64 fromMs, qint64 toMs, const QString& before, int limit) {
    auto db = connection(m_primary);
    if (!db)
        return unexpected(db.error());
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (fromMs > 0) {
        where << QStringLiteral("at >= to_timestamp(?::bigint / 1000.0)");
        binds << fromMs;
    }
    if (toMs > 0) {
        where << QStringLiteral("at < to_timestamp(?::bigint / 1000.0)");
        binds << toMs;
    }
    if (!before.isEmpty()) {
        where << QStringLiteral("id < ?::bigint");
        binds << before.toLongLong();
    }
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, officer, role, action, parameters, outcome FROM audit WHERE %1"
                             " ORDER BY id DESC LIMIT %2")
                  .arg(where.join(QStringLiteral(" AND ")))
                  .arg(limit + 1));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto ok = run(*db, q); !ok)
        return unexpected(ok.error());
    RecordPage page;
    while (q.next()) {
        if (page.records.size() == limit) {
            page.next = page.records.last().value(QLatin1String("id")).toString();
            break;
        }
        page.records.append(
            {{QStringLiteral("id"), QString::number(q.value(0).toLongLong())},
             {QStringLiteral("at"), q.value(1).toDateTime().toUTC().toString(Qt::ISODateWithMs)},
             {QStringLiteral("officer"), q.value(2).toString()},
             {QStringLiteral("role"), q.value(3).toString()},
             {QStringLiteral("action"), q.value(4).toString()},
             {QStringLiteral("parameters"), QJsonDocument::fromJson(q.value(5).toByteArray()).object()},
             {QStringLiteral("outcome"), q.value(6).toString()}});
    }
    return page;
}

} // namespace lz::gateway
