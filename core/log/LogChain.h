#pragma once
// The log's hash chain (docs/registration-log.md): what each record commits to, how records are
// chained, and the bytes a checkpoint signs. The log computes them as it writes and verifies;
// the sync wire sends them, and the gateway recomputes them from what it receives.
#include "log/Registration.h"

#include <QByteArray>
#include <QString>

namespace lz {

// The checkpoint signature's message (the log signs the same bytes).
QByteArray checkpointMessage(const QString& terminalId, qint64 seq, const QByteArray& chain,
                             qint64 createdMs);
// content_hash(n) = SHA-256 of a CBOR array of the record's non-secret fields and the hash of its
// sealed personal fields (docs/registration-log.md): computable by the terminal from its log and
// by the gateway from what it receives.
QByteArray contentHash(const Registration& r, const QByteArray& personalHash);
// chain_hash(n) = SHA-256(chain_hash(n-1) || seq (8 bytes BE) || content_hash(n)).
QByteArray chainHash(const QByteArray& previous, qint64 seq, const QByteArray& content);

} // namespace lz
