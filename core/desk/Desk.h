#pragma once
// The desk: the venue's rules for turning a verification into a registration, in one place that
// the kiosk and the CLI both drive (docs/architecture.md "The desk"). The screens show what it
// decided; they decide nothing.
//
// decide() takes the verifier's answer and returns a Decision with an id. register() registers
// only a decision this desk issued itself, once, within its lifetime: whatever a screen sends
// back, the identity written to the log is the one the verifier produced. The rules here:
//  - a refused credential is logged as an attempt (no personal data), except text that is no
//    credential at all and the guest just verified showing the same code again (sameGuestS);
//  - eligibility per venue (an internet café admits no minor);
//  - 一证多住: at a hotel, an identity holding an open stay is refused (or flagged for the clerk,
//    who then confirms with a reason), whatever the method;
//  - the hotel party: several guests, one room; the first guest's record names the party and
//    the others take its room and dates from the desk, not from the screen;
//  - check-out closes a stay with a record forwarded like any other (四即).
// Single-threaded: it lives on the thread that owns the log (the kiosk's backend thread).
#include "desk/DeskError.h"
#include "desk/StayBook.h"
#include "face/FaceOutcome.h"
#include "log/RegistrationLog.h"
#include "util/Expected.h"
#include "verify/Clock.h"
#include "verify/VerificationResult.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

namespace lz::desk {

// What is wrong with an identity staff typed for 补录 (typedIdentityProblem below).
enum class TypedProblem {
    NameMissing,
    NumberInvalid,
    BirthDateMismatch,
    SexMismatch,
    NationalityMissing,
    BirthDateMissing
};
QString typedProblemName(TypedProblem p);

// What the venue does when an identity already holds an open stay.
enum class StayConflict {
    Refuse, // named refusal (stay_open); the guest must check out first
    Flag,   // shown to the clerk, who may register anyway with their name and a reason
};
QString stayConflictName(StayConflict c); // "refuse", "flag"
std::optional<StayConflict> stayConflictFromName(const QString& name);

struct DeskPolicy {
    StayConflict stayConflict = StayConflict::Refuse;
    qint64 checkoutGraceS = 6 * 3600;   // a stay with no check-out ends this long after the expected one
    int stayLookbackDays = 60;          // how far back the log is read for open stays at start
    qint64 decisionLifetimeS = 15 * 60; // the clerk fills the form within this
    qint64 sameGuestS = 120;            // the same code again within this is the same guest, not fraud
    qint64 partyIdleS = 10 * 60;        // a party with no new guest for this long is closed
    int maxPending = 64;                // decisions kept waiting (a flood of codes cannot grow memory)
};

// A hotel party after its first guest was registered: the others share room and dates.
struct PartyView {
    QString room, checkIn, expectedCheckout, partyId;
    int guests = 1;     // the party's size
    int registered = 0; // guests registered so far
};

// The clerk's decision over a flag (an open stay elsewhere; later a face check): who and why.
struct StaffOverride {
    QString staffId;
    QString reason;
};

struct Decision {
    quint64 id = 0; // 0: nothing to register (a refusal, or a repeat of the guest on screen)
    VerificationResult result;
    QString method; // "qr", "scanner", "nfc", "passport", "id_card"
    // Why a valid person is not registered here: "under_18", "stay_open". Empty: registrable.
    QString refusal;
    std::optional<Stay> openStay;   // the identity's open stay (refused, or flagged)
    bool needsOverride = false;     // flagged: register() needs a StaffOverride
    bool repeatOfLast = false;      // "replayed" only because the guest just verified showed it again
    std::optional<PartyView> party; // the party this guest joins (hotel)
    // A staff decision (补录, decideManual): the identity as staff typed it, nothing verified;
    // who decided and why go into the record.
    std::optional<StaffOverride> staff;
    std::optional<TypedProblem> typedProblem; // 补录 refused for what was typed (refusal: its name)
    qint64 decidedAt = 0;
    // The face check (issue 17), where the venue offers it and the document's photo can be used:
    // the model offered, and what came of it. Anything but a live "same" needs the clerk.
    QString faceModel; // empty: no face check offered for this decision
    std::optional<face::FaceOutcome> face;
};

class Desk {
public:
    // log may be null (it could not be opened): the desk still decides, and refuses to register
    // with LogUnavailable and logError.
    Desk(RegistrationLog* log, VenueContext venue, const Clock& clock, DeskPolicy policy = {},
         QString logError = {});

    // Reads the recent log for open stays. An error is a warning for the operator: the desk then
    // knows no stays (it cannot refuse a second one) until it is opened again.
    Expected<void, DeskFailure> open();

    Decision decide(const VerificationResult& result, const QString& method);
    // 补录: every reader failed, and staff register the person from the document in their hand.
    // The staff member and a reason are required; the venue's rules (eligibility, one open stay)
    // apply to the typed identity as to a verified one. Registered as kind manual_registration.
    Decision decideManual(const Identity& typed, const StaffOverride& who);
    // The face check is offered for this decision (the venue offers it, the document's photo is
    // usable), with the model `modelVersion`; and what came of it. False: no such decision.
    bool offerFaceCheck(quint64 decisionId, const QString& modelVersion);
    bool recordFaceCheck(quint64 decisionId, const face::FaceOutcome& outcome);
    // Registers decision `decisionId` with the venue's details (a party's shared fields are the
    // desk's). Durable when it returns a value (the log's commit). `faceClerk`: the clerk who
    // checked the document photo against the guest, and why they register, where the face check
    // did not find the live holder (declined, not live, not the same, undecided, not run).
    Expected<Registration, DeskFailure> registerGuest(quint64 decisionId, QJsonObject details,
                                                      const QString& operatorId,
                                                      const std::optional<StaffOverride>& override = {},
                                                      const std::optional<StaffOverride>& faceClerk = {});
    // Records the departure of the stay that `stayRecordId` opened.
    Expected<Registration, DeskFailure> checkOut(const QByteArray& stayRecordId, const QString& operatorId);
    // Staff void a registration made by mistake, or correct its venue's details (a manual
    // registration's typed identity too; a verified identity is what the verifier read and stays):
    // a new record naming it (kind void / correction), forwarded like any other — the registration
    // itself is never changed. Only a registration of the recent log (the stays' lookback) that
    // was not voided; `who` is the staff member and the reason, both required. A void ends the
    // stay it opened; a correction moves it. A correction's details are the whole set as it
    // should have been (the desk keeps the fields only it writes: party, override, face check).
    Expected<Registration, DeskFailure> voidRecord(const QByteArray& recordId, const StaffOverride& who);
    Expected<Registration, DeskFailure> correctRecord(const QByteArray& recordId, QJsonObject details,
                                                      const StaffOverride& who,
                                                      const std::optional<Identity>& typed = std::nullopt);

    // The venue's fields alone (no identity yet): lets the CLI refuse before a code is spent.
    QString checkDetails(const QJsonObject& details) const;
    QList<Stay> openStays() const { return m_stays.openStays(m_clock.now()); }
    std::optional<PartyView> party() const;
    void cancelParty() { m_party.reset(); }

    // Staff changed the venue (the terminal id stays: it is bound to the log's key).
    void setVenue(const VenueContext& venue);
    const VenueContext& venue() const { return m_venue; }
    const DeskPolicy& policy() const { return m_policy; }

    // The records of one local day, filtered by `query` (name, document number, any detail).
    Expected<QList<Registration>, DeskFailure> recordsOfDay(const QDate& day, const QString& query) const;

private:
    struct Pending {
        Decision decision;
        bool used = false;
    };
    Expected<Registration, DeskFailure> append(Registration r);
    // Eligibility and the one-open-stay rule for the person a decision is about.
    void judgePerson(Decision& d, const Identity& person, qint64 now) const;
    // A decision nothing refused gets its id and waits for register(); a refusal is returned as is.
    Decision issue(Decision d);
    QString eligibility(const Identity& identity) const;
    void notePartyRegistered(const Registration& r);
    // The face check's fields of the record; FaceUnconfirmed when the clerk's check is missing.
    Expected<void, DeskFailure> addFaceCheck(const Decision& d, QJsonObject& details,
                                             const std::optional<StaffOverride>& faceClerk) const;
    void forgetOldDecisions();
    // The registration staff may void or correct, else why not.
    Expected<Registration, DeskFailure> amendable(const QByteArray& recordId, const StaffOverride& who) const;
    Registration amendmentOf(const Registration& target, RecordKind kind, const StaffOverride& who) const;
    void noteAmendment(const Registration& r);

    RegistrationLog* m_log;
    VenueContext m_venue;
    const Clock& m_clock;
    DeskPolicy m_policy;
    QString m_logError;
    StayBook m_stays;
    QHash<quint64, Pending> m_pending;
    std::optional<PartyView> m_party;
    qint64 m_partyActiveAt = 0;
    // The registrations of the recent log that a later record voided or corrected (rebuilt from the
    // log with the stays, like them never stored beside it).
    QHash<QByteArray, RecordKind> m_amended;
    QHash<QByteArray, QJsonObject> m_corrected; // the newest correction's venue fields
    QByteArray m_lastValidCredential;
    qint64 m_lastValidAt = 0;
};

// 补录: what is wrong with an identity staff typed from a document in their hand, by name
// (a closed set; typedProblemName() writes "typed_name_missing", "typed_number_invalid", …);
// nullopt when it can be registered. A
// resident ID number must pass its GB 11643 check and agree with the birth date and sex typed.
std::optional<TypedProblem> typedIdentityProblem(const Identity& typed);

// Does a record match the staff screen's search (name, document number, any detail)?
bool matchesQuery(const Registration& r, const QString& query);

} // namespace lz::desk
