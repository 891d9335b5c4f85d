#pragma once
// Why the last forwarding round failed: a closed set the staff screen and `sync status` show,
// with the technical detail. syncErrorName() is the one place the names live (the status file
// keeps the name beside the text, so another process reads the code without parsing text).
#include <QString>
#include <optional>

namespace lz {

enum class SyncError {
    Timeout,       // no answer within the request timeout
    Tls,           // the handshake failed (certificate, pinning)
    Network,       // refused, reset, unreachable; nothing was acknowledged
    Http,          // the gateway answered with a status other than 200 (detail starts with it)
    BadAnswer,     // a 200 whose body is not a valid acknowledgement
    Log,           // the terminal's own log refused (reading the outbox, marking acknowledgements)
    Purge,         // the retention purge after a good round failed (the round itself succeeded)
    StatusUnsaved, // the status file could not be written
};

QString syncErrorName(SyncError e); // "sync_timeout", "sync_http", ...
std::optional<SyncError> syncErrorFromName(QStringView name);

struct SyncFailure {
    SyncError code = SyncError::Network;
    QString detail;
    QString text() const; // "<name>: <detail>"
};

} // namespace lz
