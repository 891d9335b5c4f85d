#include "log/LogBinding.h"

#include "log/LogAnchor.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lz {

namespace logbinding {
namespace {
const QString kFieldKeyPrefix = QStringLiteral("field_key:");
}

QString fieldKeyName(quint32 keyId) {
    return kFieldKeyPrefix + QString::number(keyId);
}

LogResult<void> storeMeta(QSqlDatabase db, Meta& meta, const QString& key, const QByteArray& value) {
    QSqlQuery m(db);
    m.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    m.addBindValue(key);
    m.addBindValue(value);
    if (!m.exec())
        return unexpected(sqlFailure(m.lastError()));
    meta[key] = value;
    return {};
}

LogResult<QByteArray> bindDatabase(QSqlDatabase db, Meta& meta, const FieldKeys& keys, const QString& logPath,
                                   const QString& anchorPath, bool createdNow) {
    QByteArray logId = meta[QStringLiteral("log_id")];
    const bool madeNow = logId.isEmpty();
    if (madeNow) {
        if (!keys.logId().isEmpty())
            return createdNow
                       ? logFailure(LogError::Replaced,
                                    QStringLiteral("%1 is new, but the key file belongs to log %2: the "
                                                   "log was emptied or replaced; restore it from backup")
                                        .arg(logPath, QString::fromLatin1(keys.logId().toHex())))
                       : logFailure(LogError::KeyFileMismatch,
                                    QStringLiteral("the key file belongs to log %1, not to %2")
                                        .arg(QString::fromLatin1(keys.logId().toHex()), logPath));
        logId = QByteArray(16, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(logId.data()), 4);
        if (auto e = storeMeta(db, meta, QStringLiteral("log_id"), logId); !e)
            return unexpected(e.error());
    } else if (!keys.logId().isEmpty() && keys.logId() != logId) {
        return logFailure(
            LogError::KeyFileMismatch,
            QStringLiteral("the key file belongs to log %1, %2 is log %3")
                .arg(QString::fromLatin1(keys.logId().toHex()), logPath, QString::fromLatin1(logId.toHex())));
    }
    for (const auto& [k, v] : meta) {
        if (!k.startsWith(kFieldKeyPrefix))
            continue;
        const quint32 id = k.mid(kFieldKeyPrefix.size()).toUInt();
        if (keys.fingerprint(id) != v)
            return logFailure(
                LogError::KeyFileMismatch,
                QStringLiteral("key %1 of the key file is not the key this log "
                               "was sealed with (a substitute key file?); restore the right one")
                    .arg(id));
    }
    for (quint32 id : keys.ids())
        if (!meta.count(fieldKeyName(id)))
            if (auto e = storeMeta(db, meta, fieldKeyName(id), keys.fingerprint(id)); !e)
                return unexpected(e.error());
    // Another log's anchor beside a log made now: the old log was replaced.
    if (madeNow && !anchorPath.isEmpty())
        if (auto old = LogAnchor::read(anchorPath); !old || (*old && createdNow))
            return logFailure(
                LogError::Replaced,
                QStringLiteral("%1 is new, but %2 anchors another log: move the old "
                               "log, its key file and the anchor aside together to start a new one")
                    .arg(logPath, anchorPath));
    return logId;
}

LogResult<void> finishBinding(QSqlDatabase db, Meta& meta, FieldKeys& keys, const QByteArray& logId,
                              const QString& anchorPath, int schemaVersion) {
    if (keys.logId().isEmpty())
        if (auto bound = keys.bindToLog(logId); !bound)
            return bound;
    if (anchorPath.isEmpty() || !meta[QStringLiteral("anchored")].isEmpty())
        return {};
    // A log from before anchors starts from what it holds (nothing to compare with yet).
    LogAnchor a{logId, 0, {}, 0, {}};
    QSqlQuery h(db);
    if (schemaVersion >= 3 &&
        h.exec(QStringLiteral("SELECT seq, chain_hash FROM records WHERE acked_ms IS NOT NULL"
                              " ORDER BY seq DESC LIMIT 1")) &&
        h.next()) {
        a.gatewaySeq = h.value(0).toLongLong();
        a.gatewayChain = h.value(1).toByteArray();
    }
    if (schemaVersion >= 2 &&
        h.exec(QStringLiteral("SELECT seq, chain_hash FROM checkpoints ORDER BY seq DESC LIMIT 1")) &&
        h.next()) {
        a.checkpointSeq = h.value(0).toLongLong();
        a.checkpointChain = h.value(1).toByteArray();
    }
    h.finish();
    if (auto w = a.write(anchorPath); !w)
        return w;
    return storeMeta(db, meta, QStringLiteral("anchored"), "1");
}

} // namespace logbinding
} // namespace lz
