#include "log/LogError.h"

#include "util/DurableFile.h"

#include <QSqlError>

namespace lz {

QString logErrorName(LogError e) {
    switch (e) {
    case LogError::DiskFull:
        return QStringLiteral("log_disk_full");
    case LogError::Corrupt:
        return QStringLiteral("log_corrupt");
    case LogError::WriteFailed:
        return QStringLiteral("log_write_failed");
    case LogError::Unopenable:
        return QStringLiteral("log_unopenable");
    case LogError::NotALog:
        return QStringLiteral("log_not_a_log");
    case LogError::SchemaNewer:
        return QStringLiteral("log_schema_newer");
    case LogError::SchemaOld:
        return QStringLiteral("log_schema_old");
    case LogError::MigrationFailed:
        return QStringLiteral("log_migration_failed");
    case LogError::TerminalMismatch:
        return QStringLiteral("log_terminal_mismatch");
    case LogError::KeyMismatch:
        return QStringLiteral("log_key_mismatch");
    case LogError::Replaced:
        return QStringLiteral("log_replaced");
    case LogError::KeyFileUnreadable:
        return QStringLiteral("key_file_unreadable");
    case LogError::KeyFileMalformed:
        return QStringLiteral("key_file_malformed");
    case LogError::KeyFileUnwritable:
        return QStringLiteral("key_file_unwritable");
    case LogError::KeyFileMismatch:
        return QStringLiteral("key_file_mismatch");
    case LogError::KeyFilePermissions:
        return QStringLiteral("key_file_permissions");
    case LogError::FieldKeyMissing:
        return QStringLiteral("field_key_missing");
    case LogError::SealedFieldCorrupt:
        return QStringLiteral("sealed_field_corrupt");
    case LogError::TerminalKeyUnreadable:
        return QStringLiteral("terminal_key_unreadable");
    case LogError::TerminalKeyMalformed:
        return QStringLiteral("terminal_key_malformed");
    case LogError::TerminalKeyUnwritable:
        return QStringLiteral("terminal_key_unwritable");
    case LogError::AnchorUnreadable:
        return QStringLiteral("anchor_unreadable");
    case LogError::AnchorMalformed:
        return QStringLiteral("anchor_malformed");
    case LogError::AnchorUnwritable:
        return QStringLiteral("anchor_unwritable");
    case LogError::RecordNotFound:
        return QStringLiteral("record_not_found");
    case LogError::AccessReasonMissing:
        return QStringLiteral("access_reason_missing");
    case LogError::GatewayHeadMismatch:
        return QStringLiteral("gateway_head_mismatch");
    }
    return {};
}

QString LogFailure::text() const {
    if (code == LogError::DiskFull && detail.isEmpty())
        return logErrorName(code) +
               QStringLiteral(": the log's disk or page limit is full; nothing was written");
    return detail.isEmpty() ? logErrorName(code) : logErrorName(code) + QStringLiteral(": ") + detail;
}

LogFailure fileWriteFailure(LogError otherwise, const FileFailure& f) {
    return {f.code == FileError::DiskFull ? LogError::DiskFull : otherwise, f.text()};
}

LogFailure sqlFailure(const QSqlError& e) {
    const int code = e.nativeErrorCode().toInt() & 0xff; // extended codes keep the primary in the low byte
    if (code == 13)
        return {LogError::DiskFull, {}};
    if (code == 11 || code == 26)
        return {LogError::Corrupt, e.databaseText()};
    return {LogError::WriteFailed, e.text()};
}

} // namespace lz
