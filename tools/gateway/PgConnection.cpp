#include "PgConnection.h"

#include <QHash>
#include <QStringList>

namespace lz::gateway {

Expected<QSqlDatabase> addPgConnection(const QString& name, const QString& dsn) {
    // Qt's QPSQL writes host, dbname, user and password into libpq's conninfo itself and appends
    // the connect options: a host list passes through as it is, and the port list (which
    // QSqlDatabase::setPort cannot hold) goes with the options.
    const QStringList own{QStringLiteral("host"), QStringLiteral("dbname"), QStringLiteral("user"),
                          QStringLiteral("password")};
    const QStringList passedOn{QStringLiteral("port"), QStringLiteral("target_session_attrs"),
                               QStringLiteral("connect_timeout"), QStringLiteral("sslmode"),
                               QStringLiteral("application_name")};
    QHash<QString, QString> given;
    QStringList options;
    for (const QString& part : dsn.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0), value = part.section(QLatin1Char('='), 1);
        if (!own.contains(key) && !passedOn.contains(key))
            return unexpected(QStringLiteral("gateway_db: unknown dsn key '%1'").arg(key));
        if (value.isEmpty() || value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\'')))
            return unexpected(QStringLiteral("gateway_db: dsn key '%1' has no usable value").arg(key));
        given.insert(key, value);
        if (passedOn.contains(key))
            options.append(key + QLatin1Char('=') + value);
    }
    // A node that does not answer must not hold the gateway long: libpq moves on to the next host
    // after this many seconds.
    if (!given.contains(QStringLiteral("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=3"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid())
        return unexpected(
            QStringLiteral("gateway_db: the Qt PostgreSQL driver (libqt6sql6-psql) is missing"));
    db.setHostName(given.value(QStringLiteral("host")));
    db.setDatabaseName(given.value(QStringLiteral("dbname")));
    db.setUserName(given.value(QStringLiteral("user")));
    db.setPassword(given.value(QStringLiteral("password")));
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return db;
}

} // namespace lz::gateway
