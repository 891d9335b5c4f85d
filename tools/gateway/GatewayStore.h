#pragma once
// The reference gateway's PostgreSQL store: terminals (pinned checkpoint key, chain head),
// records (idempotent on the record id), checkpoints, and flags for what the chain check finds
// (gap, fork, chain break, bad or mismatched checkpoint). docs/sync-api.md.
#include "sync/RecordWire.h"

#include <QJsonObject>
#include <QSet>
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
};

class GatewayStore {
public:
    // dsn: "host=127.0.0.1 port=5432 dbname=lz_gateway user=lz [password=...]"
    static Expected<std::unique_ptr<GatewayStore>> open(const QString& dsn);
    ~GatewayStore();

    // One transaction: every record stored or recognised as a duplicate, or nothing (then the
    // error is returned and the terminal retries the whole batch).
    Expected<BatchOutcome, StoreFailure> storeBatch(const QString& terminalId, const QString& terminalKeyPem,
                                                    const QJsonObject& batch);
    // Venues the police system has registered; empty: any. A record from another venue is
    // acknowledged as invalid ("unknown_venue") and the terminal sets it aside.
    void setKnownVenues(QSet<QString> venues) { m_venues = std::move(venues); }
    bool healthy();
    Expected<qint64> count(const QString& table, const QString& terminalId = {});

private:
    explicit GatewayStore(QString connection)
        : m_connection(std::move(connection)) {}
    QString m_connection;
    QSet<QString> m_venues;
};

} // namespace lz::gateway
