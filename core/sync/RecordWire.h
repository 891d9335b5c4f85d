#pragma once
// The sync API's JSON (docs/sync-api.md), shared by the terminal's sync client and the
// reference gateway: a batch of records with the terminal's newest checkpoint, and the
// gateway's answer per record.
#include "log/LogChain.h"
#include "log/RegistrationLog.h"

#include <QJsonObject>

namespace lz::wire {

// The sync record's version (docs/sync-api.md "Versions"); 1 when absent.
inline constexpr int kRecordVersion = 1;

QJsonObject recordToJson(const Registration& r);             // identity unmasked: for the police system
Expected<Registration> recordFromJson(const QJsonObject& o); // strict: every field present and typed
QJsonObject checkpointToJson(const LogCheckpoint& c);
Expected<LogCheckpoint> checkpointFromJson(const QJsonObject& o);

// The chain's hashes (contentHash, chainHash, checkpointMessage) are the log's: log/LogChain.h.

enum class AckStatus { Stored, Duplicate, Invalid };
struct Ack {
    QByteArray id;
    AckStatus status = AckStatus::Invalid;
    QString reason; // for Invalid: why (the terminal sets the record aside with it)
};
QString ackStatusName(AckStatus s);
Expected<QList<Ack>> acksFromJson(const QJsonObject& response);
// The gateway's head for the sending terminal after a batch ("head": {"seq", "chain_hash"}): the
// highest record it holds and that record's chain hash. nullopt when the answer has none.
struct Head {
    qint64 seq = 0;
    QByteArray chainHash;
};
std::optional<Head> headFromJson(const QJsonObject& response);
QJsonObject headToJson(const Head& h);

} // namespace lz::wire
