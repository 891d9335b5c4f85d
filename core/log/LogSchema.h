#pragma once
// The registration log's SQLite schema, as the steps that built it (docs/registration-log.md).
#include <QList>
#include <QStringList>

namespace lz::logschema {

// Step i moves a database from schema version i to i + 1 (PRAGMA user_version). Never edit a
// step that has shipped; append a new one.
const QList<QStringList>& migrations();

} // namespace lz::logschema
