#pragma once
// How a write to the registration log failed: a closed set the desk and the screen act on (a
// full disk is said to the clerk as such), with a technical detail. text() is the named error
// the CLI prints and the log's callers have always seen ("log_disk_full: …").
#include <QString>

class QSqlError;

namespace lz {

enum class LogError {
    DiskFull,    // the disk or the log's page cap is full; nothing was written
    Corrupt,     // SQLite says the file is damaged or not a database
    WriteFailed, // any other SQL failure
    Other,       // named by the code that refused (detail is the whole named error)
};

struct LogFailure {
    LogError code = LogError::Other;
    QString detail;
    QString text() const;
};

// A QtSql error, classified by SQLite's own result code (SQLITE_FULL 13, SQLITE_CORRUPT 11,
// SQLITE_NOTADB 26), never by its message.
LogFailure sqlFailure(const QSqlError& e);
// The same as a named error: log_disk_full, log_corrupt or log_write_failed.
QString sqlError(const QSqlError& e);

} // namespace lz
