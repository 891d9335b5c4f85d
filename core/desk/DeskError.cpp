#include "desk/DeskError.h"

namespace lz::desk {

QString deskErrorName(DeskError e) {
    switch (e) {
    case DeskError::LogUnavailable:
        return QStringLiteral("log_unavailable");
    case DeskError::LogWrite:
        return QStringLiteral("log_write_failed");
    case DeskError::DiskFull:
        return QStringLiteral("log_disk_full");
    case DeskError::UnknownDecision:
        return QStringLiteral("decision_unknown");
    case DeskError::DecisionExpired:
        return QStringLiteral("decision_expired");
    case DeskError::DecisionUsed:
        return QStringLiteral("decision_used");
    case DeskError::NotRegistrable:
        return QStringLiteral("not_registrable");
    case DeskError::Ineligible:
        return QStringLiteral("ineligible");
    case DeskError::Details:
        return QStringLiteral("details_invalid");
    case DeskError::StayOpen:
        return QStringLiteral("stay_open");
    case DeskError::OverrideReason:
        return QStringLiteral("override_reason_missing");
    case DeskError::StayNotOpen:
        return QStringLiteral("stay_not_open");
    case DeskError::FaceUnconfirmed:
        return QStringLiteral("face_unconfirmed");
    case DeskError::NotAmendable:
        return QStringLiteral("not_amendable");
    case DeskError::AlreadyVoided:
        return QStringLiteral("already_voided");
    }
    return {};
}

QString DeskFailure::text() const {
    switch (error) {
    case DeskError::Ineligible:
    case DeskError::Details:
    case DeskError::LogWrite:
    case DeskError::DiskFull:
        // Already named by the rule that refused ("under_18", "details_missing: room",
        // "log_disk_full: …"): the screen and the CLI have always shown these as they are.
        if (!detail.isEmpty())
            return detail;
        break;
    default:
        break;
    }
    return detail.isEmpty() ? deskErrorName(error) : deskErrorName(error) + QStringLiteral(": ") + detail;
}

} // namespace lz::desk
