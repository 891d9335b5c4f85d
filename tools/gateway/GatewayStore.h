#pragma once
// The reference gateway's PostgreSQL store: terminals (pinned checkpoint key, chain head),
// records (idempotent on the record id), checkpoints, and flags for what the chain check finds
// (gap, fork, chain break, bad or mismatched checkpoint). docs/sync-api.md.
#include "GatewaySchema.h"
#include "sync/RecordWire.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace lz::gateway {

struct BatchOutcome {
    QList<wire::Ack> acks;
    QStringList flags; // raised by this batch, for the gateway's own log
    wire::Head head;   // the terminal's head as this gateway holds it after the batch
};

// Why a batch was not stored: the terminal sent something unusable (400), or the database
// failed (503, the terminal retries).
struct StoreFailure {
    enum class Kind { BadRequest, Unavailable } kind = Kind::Unavailable;
    QString detail;
    bool transient = false; // the database went away (not: refused this batch); worth a retry
};

class GatewayStore {
public:
    // dsn: "host=127.0.0.1 port=5432 dbname=lz_gateway user=lz [password=...]", or a cluster's
    // nodes: "host=a,b port=5433,5434 target_session_attrs=read-write ..." (PgConnection.h).
    // Applies the schema (migrating an older database) and makes the partitions of the window.
    static Expected<std::unique_ptr<GatewayStore>> open(const QString& dsn, PartitionPolicy policy = {});
    ~GatewayStore();

    // One transaction: every record stored or recognised as a duplicate, or nothing (then the
    // error is returned and the terminal retries the whole batch). A failure of the database is
    // retried on a new connection for up to dbRetryMs (a failover: the primary gone, a standby
    // being promoted), so a batch that arrives during one is stored once the new primary takes
    // writes rather than refused. Retrying is safe: a batch whose commit's fate was lost with the
    // connection finds its records stored and acknowledges them as duplicates.
    Expected<BatchOutcome, StoreFailure> storeBatch(const QString& terminalId, const QString& terminalKeyPem,
                                                    const QJsonObject& batch);
    void setDbRetryMs(int ms) { m_dbRetryMs = ms; }
    // Venues the police system has registered; empty: any. A record from another venue is
    // acknowledged as invalid ("unknown_venue") and the terminal sets it aside.
    void setKnownVenues(QSet<QString> venues) { m_venues = std::move(venues); }
    bool healthy(); // connected, and to a primary (not a standby)
    Expected<qint64> count(const QString& table, const QString& terminalId = {});

private:
    GatewayStore(QString connection, PartitionPolicy policy)
        : m_connection(std::move(connection))
        , m_policy(policy) {}
    static Expected<void> connect(QSqlDatabase& db); // opens it again after a failure closed it
    static bool onWritablePrimary(QSqlDatabase& db); // the connection works and is to the primary
    Expected<BatchOutcome, StoreFailure>
    storeBatchOnce(const QString& terminalId, const QString& terminalKeyPem, const QJsonObject& batch);
    int m_dbRetryMs = 10'000;
    qint64 m_downSinceMs = 0; // when the database's current outage began; 0: it is up
    // Partitions ahead and retention, checked before a batch once an hour (any gateway may do it;
    // an advisory lock lets one at a time).
    void maintainIfDue(QSqlDatabase& db);
    static constexpr qint64 kMaintenanceIntervalMs = 3'600'000;
    QString m_connection;
    PartitionPolicy m_policy;
    qint64 m_maintainedMs = 0;
    QSet<QString> m_venues;
};

} // namespace lz::gateway
