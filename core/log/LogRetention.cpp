#include "log/LogImpl.h"

namespace lz {

LogResult<qint64> RegistrationLog::purge(qint64 nowMs, int retentionDays) {
    qint64 n = 0;
    auto ok = d->transaction([&]() -> LogResult<void> {
        QSqlQuery q(d->db());
        // Only acknowledged records, and only once the retention period after the
        // acknowledgement has passed. personal_hash stays, so the chain still verifies.
        q.prepare(
            QStringLiteral("UPDATE records SET personal = NULL, purged_ms = ? WHERE acked_ms IS NOT NULL"
                           " AND purged_ms IS NULL AND acked_ms < ?"));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs - qint64(retentionDays) * 86400000);
        if (!q.exec())
            return unexpected(sqlFailure(q.lastError()));
        n = q.numRowsAffected();
        return {};
    });
    if (!ok)
        return unexpected(ok.error());
    return n;
}

} // namespace lz
