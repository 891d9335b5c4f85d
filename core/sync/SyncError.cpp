#include "sync/SyncError.h"

#include <array>

namespace lz {

QString syncErrorName(SyncError e) {
    switch (e) {
    case SyncError::Timeout:
        return QStringLiteral("sync_timeout");
    case SyncError::Tls:
        return QStringLiteral("sync_tls");
    case SyncError::Network:
        return QStringLiteral("sync_network");
    case SyncError::Http:
        return QStringLiteral("sync_http");
    case SyncError::BadAnswer:
        return QStringLiteral("sync_bad_answer");
    case SyncError::Log:
        return QStringLiteral("sync_log");
    case SyncError::Purge:
        return QStringLiteral("sync_purge");
    case SyncError::StatusUnsaved:
        return QStringLiteral("status_unsaved");
    }
    return {};
}

std::optional<SyncError> syncErrorFromName(QStringView name) {
    constexpr std::array kAll{SyncError::Timeout, SyncError::Tls,          SyncError::Network,
                              SyncError::Http,    SyncError::BadAnswer,    SyncError::Log,
                              SyncError::Purge,   SyncError::StatusUnsaved};
    for (SyncError e : kAll)
        if (syncErrorName(e) == name)
            return e;
    return std::nullopt;
}

QString SyncFailure::text() const {
    return syncErrorName(code) + QStringLiteral(": ") + detail;
}

} // namespace lz
