#pragma once
// How the registration log (and its key files, anchor and binding) refused: a closed set the
// desk, the CLI and the screens act on (a full disk is said to the clerk as such), with a
// technical detail. logErrorName() is the one place the wire/CLI names live; text() is the named
// error the CLI prints ("log_disk_full: …").
#include "util/Expected.h"

#include <QString>

class QSqlError;

namespace lz {

enum class LogError {
    DiskFull,    // the disk or the log's page cap is full; nothing was written
    Corrupt,     // SQLite says the file is damaged or not a database, or a check failed
    WriteFailed, // any other SQL failure
    Unopenable,  // the database cannot be opened at all
    NotALog,     // a database of something else
    SchemaNewer, // written by a newer terminal
    SchemaOld,   // the operation needs a newer schema than this log has
    MigrationFailed,
    TerminalMismatch, // the log belongs to another terminal id
    KeyMismatch,      // the terminal key does not match the log's
    Replaced,         // the log is missing or emptied while its key file or anchor names it
    KeyFileUnreadable,
    KeyFileMalformed,
    KeyFileUnwritable,
    KeyFileMismatch,    // the key file belongs to another log
    KeyFilePermissions, // readable by others than the terminal's user
    FieldKeyMissing,    // a sealed field names a key the key file does not hold
    SealedFieldCorrupt, // a sealed field does not authenticate or decode
    TerminalKeyUnreadable,
    TerminalKeyMalformed,
    TerminalKeyUnwritable,
    AnchorUnreadable,
    AnchorMalformed,
    AnchorUnwritable,
    RecordNotFound,
    AccessReasonMissing, // opening personal fields needs a reason
    GatewayHeadMismatch, // the head the gateway confirmed is not this log's record
};

// "log_disk_full", "key_file_mismatch", ...: stable, printed by the CLI, matched by nobody.
QString logErrorName(LogError e);

struct LogFailure {
    LogError code = LogError::WriteFailed;
    QString detail;
    QString text() const; // "<name>: <detail>"
};

template <typename T> using LogResult = Expected<T, LogFailure>;

inline Unexpected<LogFailure> logFailure(LogError code, QString detail) {
    return Unexpected<LogFailure>{LogFailure{code, std::move(detail)}};
}

struct FileFailure;
// A durable file write of the log's (key file, terminal key, anchor) that failed: DiskFull when
// the disk is full, otherwise `otherwise`; the file's named error as the detail.
LogFailure fileWriteFailure(LogError otherwise, const FileFailure& f);

// A QtSql error, classified by SQLite's own result code (SQLITE_FULL 13, SQLITE_CORRUPT 11,
// SQLITE_NOTADB 26), never by its message.
LogFailure sqlFailure(const QSqlError& e);

} // namespace lz
