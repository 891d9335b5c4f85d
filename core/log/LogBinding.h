#pragma once
// The registration log's identity, and the field key file's and the anchor's binding to it
// (issue 14, finding 7), kept in the log's meta table: log_id, and field_key:<id> = each key's
// fingerprint. A key file made for another log, or a substitute for this one, is refused; a
// database emptied or replaced while its key file or anchor still names the old log is refused
// too. Logs and key files from before binding are bound at their first start.
#include "log/FieldKeys.h"
#include "log/LogError.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <map>

class QSqlError;

namespace lz {

namespace logbinding {

using Meta = std::map<QString, QByteArray>; // the meta table, as read at open

QString fieldKeyName(quint32 keyId); // "field_key:<id>"
LogResult<void> storeMeta(QSqlDatabase db, Meta& meta, const QString& key, const QByteArray& value);

// Inside the open's transaction: checks the key file against the log and records what is new.
// Returns the log's id (made now for a log that has none).
LogResult<QByteArray> bindDatabase(QSqlDatabase db, Meta& meta, const FieldKeys& keys, const QString& logPath,
                                   const QString& anchorPath, bool createdNow);

// After that has committed: the key file names the log, and the anchor is made once ("anchored"
// in meta). In this order a crash anywhere leaves a state the next start finishes rather than one
// it would take for tampering: the database names the log before the key file does, and the
// anchor is marked made only after it is on disk.
LogResult<void> finishBinding(QSqlDatabase db, Meta& meta, FieldKeys& keys, const QByteArray& logId,
                              const QString& anchorPath, int schemaVersion);

} // namespace logbinding
} // namespace lz
