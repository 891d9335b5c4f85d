#pragma once
// The gateway's PostgreSQL connection from a libpq-style DSN (issue 20). Several hosts are one
// cluster: "host=n1,n2,n3 port=5433,5434,5435 target_session_attrs=read-write" connects to
// whichever node is the primary now (libpq tries them in order and keeps the writable one), so
// after a failover the next connection finds the new primary without asking Patroni.
#include "util/Expected.h"

#include <QSqlDatabase>
#include <QString>

namespace lz::gateway {

// Adds a QPSQL connection named `name` configured from dsn (not opened). Keys: host, port,
// dbname, user, password, target_session_attrs, connect_timeout (seconds; default 3),
// sslmode, application_name. Unknown keys are refused by name.
Expected<QSqlDatabase> addPgConnection(const QString& name, const QString& dsn);

} // namespace lz::gateway
