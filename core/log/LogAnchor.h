#pragma once
// The log's length and head kept outside the database (issue 14, finding 7), so that deleting
// the tail of the log together with the checkpoints that signed it, or marking a record the
// gateway never received as acknowledged, is found by `log verify`:
//  - the newest signed checkpoint (written after each checkpoint commits), and
//  - the gateway's confirmed head for this terminal (from its answer to each batch, written
//    before the records are marked acknowledged, so a crash in between never looks like tampering).
// A small JSON file in the state directory, replaced with writeFileDurably. It lags behind the log
// at worst (a write that failed is retried at the next checkpoint or batch), and a lagging anchor
// never raises a false alarm. Someone who can rewrite both the database and this file on the
// terminal still gets past it; the gateway, which holds the records themselves, does not.
#include "log/LogError.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace lz {

struct LogAnchor {
    QByteArray logId; // the log it belongs to (meta log_id)
    qint64 checkpointSeq = 0;
    QByteArray checkpointChain;
    qint64 gatewaySeq = 0;
    QByteArray gatewayChain;

    // No file: nullopt. A file that is not an anchor: a named error (anchor_malformed).
    static LogResult<std::optional<LogAnchor>> read(const QString& path);
    LogResult<void> write(const QString& path) const;
};

} // namespace lz
