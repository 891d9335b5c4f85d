#include "log/LogImpl.h"

namespace lz {

LogResult<void> RegistrationLog::recordAccess(const LogAccess& a) {
    if (a.reason.trimmed().isEmpty())
        return logFailure(LogError::AccessReasonMissing, QStringLiteral("say why the record is opened"));
    return d->transaction([&]() -> LogResult<void> {
        QSqlQuery q(d->db());
        q.prepare(
            QStringLiteral("INSERT INTO access (at_ms, record_id, operator, reason) VALUES (?, ?, ?, ?)"));
        q.addBindValue(a.atMs);
        q.addBindValue(a.recordId);
        q.addBindValue(a.operatorId.isNull() ? QStringLiteral("") : a.operatorId);
        q.addBindValue(a.reason.trimmed());
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        return {};
    });
}

LogResult<QList<LogAccess>> RegistrationLog::accessSince(qint64 fromMs) const {
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral(
        "SELECT at_ms, record_id, operator, reason FROM access WHERE at_ms >= ? ORDER BY at_ms"));
    q.addBindValue(fromMs);
    if (!q.exec())
        return unexpected(sqlFailure(q.lastError()));
    QList<LogAccess> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

} // namespace lz
