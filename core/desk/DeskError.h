#pragma once
// Why the desk would not register or check out: a closed set, each with a detail string
// (technical, English, never personal data). deskErrorName() is the one place the names used
// on the wire, in the CLI's JSON and by the screen's texts are written.
#include <QMetaType>
#include <QString>

namespace lz::desk {

enum class DeskError {
    LogUnavailable,  // the registration log could not be opened (detail: why)
    LogWrite,        // the log refused the append (detail: its named error, log_write_failed: …)
    DiskFull,        // the log's disk (or its size cap) is full: nothing was written
    UnknownDecision, // no decision of this desk has that id (the UI cannot make one up)
    DecisionExpired, // decided too long ago: verify again
    DecisionUsed,    // that decision was registered already
    NotRegistrable,  // the verifier refused the credential
    Ineligible,      // a valid person who may not be registered here (detail: "under_18")
    Details,         // the venue's fields are missing or wrong (detail: "details_missing: room")
    StayOpen,        // 一证多住: this identity already holds an open stay (detail: the room)
    OverrideReason,  // a flagged decision needs the clerk's name and a reason
    StayNotOpen,     // check-out of a stay that is not open (unknown, or checked out already)
    FaceUnconfirmed, // the face check did not find the live holder: the clerk's own check is needed
    NotAmendable,    // void/correction of what is no registration of this log's recent days (detail: why)
    AlreadyVoided,   // void/correction of a registration voided already
};

struct DeskFailure {
    DeskError error = DeskError::LogUnavailable;
    QString detail;
    // The named error the CLI prints and the screen maps: "stay_open: room 1203". For the
    // errors whose detail is itself a named error (Ineligible, Details, LogWrite), the detail.
    QString text() const;
};

QString deskErrorName(DeskError e); // "log_unavailable", "decision_unknown", ...

} // namespace lz::desk

Q_DECLARE_METATYPE(lz::desk::DeskFailure)
