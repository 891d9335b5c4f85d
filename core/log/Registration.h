#pragma once
// One entry of the registration log: what was checked (the verifier's answer), who (identity,
// only for a registration), where and for what (venue context and the profile's fields), and
// the record id that never changes. A rejected attempt is an entry too, without identity, so
// that fraud attempts stay visible to the venue and the police.
#include "credential/Identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace lz {

struct VerificationResult;

enum class VenueType { Hotel, InternetCafe, GovernmentWindow, ParcelCounter };
QString venueTypeName(VenueType t); // "hotel", "internet_cafe", "government_window", "parcel_counter"
std::optional<VenueType> venueTypeFromName(const QString& name);

struct VenueContext {
    QString venueId; // the police-assigned venue code
    VenueType type = VenueType::Hotel;
    QString terminalId;
    QString operatorId; // the clerk on duty
};

// What a record says happened (docs/sync-api.md "kind"). Names are the wire's and the log's.
enum class RecordKind {
    Registration, // a verified person registered (valid, with identity)
    Attempt,      // a rejected verification (no identity): fraud stays visible
    Checkout,     // a hotel stay ended (四即: closed on departure); names the stay's record
    // 补录: staff registered a person whose document no reader could check (every reader failed):
    // the identity as staff typed it, not verified (valid = false), with who and why.
    ManualRegistration,
    // Staff amend a registration (or a manual one) without touching it: a new record names it in
    // details.target, with the reason in details.amend_reason and the staff member as operator.
    // A void says it should not have been made (a mistake, a guest who did not stay); a
    // correction carries the venue's details as they should have been (the room), and for a
    // manual registration the identity as it should have been typed. Never an edit in place.
    Void,
    Correction,
};
// "registration", "attempt", "checkout", "manual_registration", "void", "correction"
QString recordKindName(RecordKind kind);
std::optional<RecordKind> recordKindFromName(const QString& name);

struct Registration {
    // Set by the log on append.
    QByteArray id; // UUIDv7, 16 bytes
    qint64 seq = 0;
    QByteArray contentHash, chainHash; // the chain (docs/registration-log.md), sent to the gateway
    // SHA-256 of the sealed personal fields (empty: none). The content hash covers it, so the
    // gateway can recompute the content hash from what it receives (issue 14, finding 3).
    QByteArray personalHash;
    // Set when read from the log: the stored content hash is not what the stored fields give
    // (the record was changed after it was written). Sent anyway, for the gateway to flag.
    bool contentMismatch = false;
    // From the wire: false when the sender (a terminal from before issue 14) sent no personal_hash,
    // so the gateway cannot recompute the content hash and says so instead.
    bool personalHashKnown = true;

    qint64 createdAtMs = 0; // UTC
    int utcOffsetS = 0;     // the terminal's local offset at that moment (for the venue's books)
    RecordKind kind = RecordKind::Attempt;
    // A person was registered (by a verified credential, or by staff by hand).
    bool registered() const {
        return kind == RecordKind::Registration || kind == RecordKind::ManualRegistration;
    }
    QString method; // "qr", "scanner", "nfc", "id_card", "passport"

    // The verifier's answer.
    bool valid = false;
    QString reason; // reason name; empty when valid
    QString documentKind, issuer;
    QByteArray credentialId;
    quint64 trustListSequence = 0;

    VenueContext venue;
    // The venue profile's fields (docs/registration-log.md): hotel room, check_in,
    // expected_checkout, guests; internet_cafe seat; government_window service_item, window_no;
    // parcel_counter waybill. Encrypted with the identity (a room number finds a person).
    QJsonObject details;
    std::optional<Identity> identity; // registrations only; encrypted at rest

    // Forwarding state, kept by the log.
    std::optional<qint64> ackedAtMs;  // the gateway acknowledged it
    QString setAsideReason;           // the gateway rejected it as invalid (poisoned)
    std::optional<qint64> purgedAtMs; // personal fields removed after retention
    // Set by the desk when it lists records (never stored): a later record voided or corrected
    // this one.
    std::optional<RecordKind> amendedBy;
    // Set with it for a corrected registration: the venue's fields as the newest correction has
    // them (a second correction starts from the first, not from the original).
    std::optional<QJsonObject> correctedDetails;
};

// A registration (valid result) or an attempt (rejected result) from the verifier's answer.
Registration registrationFrom(const VerificationResult& result, const QString& method,
                              const VenueContext& venue, const QJsonObject& details, qint64 nowMs,
                              int utcOffsetS);

// The venue profiles' fields and their checks (validateDetails): log/VenueFields.h.

// A check-out record's fields (hotel only): `stay` (the check-in registration's record id), `room`,
// `departed` (ISO 8601 local date-time). Empty when valid, else a named error as above.
QString validateCheckoutDetails(VenueType type, const QJsonObject& details);

// A void's or a correction's fields: `target` (the amended record's id) and `amend_reason`; a
// correction also the venue's fields as corrected, checked as a registration's (identity: the
// guest as corrected). Empty when valid, else a named error as above.
QString validateAmendDetails(RecordKind kind, VenueType type, const QJsonObject& details,
                             const Identity* identity);
// The record a void or a correction amends (empty for any other record, or a purged one).
QByteArray amendedRecordId(const Registration& r);

// A hotel must record a foreign guest's visa and entry (《出境入境管理法》 art. 39: the 境外人员
// 住宿登记 within 24 h): a passport or travel document of another nationality than CHN.
bool needsForeignGuestFields(VenueType type, const Identity& identity);
// visa_type values: visa-free entry, the visa categories of 《外国人入境出境管理条例》 art. 6
// (L, M, F, Q1/Q2, S1/S2, Z, X1/X2, C, D, G, J1/J2, R), a residence permit, a port visa,
// permanent residence (the guest's permanent residence card is the permit: no visa number), other.
inline const QStringList kVisaTypes =
    QStringLiteral("visa_free L M F Q S Z X C G J R residence_permit port_visa permanent_residence other")
        .split(QLatin1Char(' '));

// Whole years of age on `day` (a birthday on 29 February counts from 1 March in other years).
int ageOn(const QDate& birth, const QDate& day);
// May this person be registered at this kind of venue today? Empty when yes, else a named
// reason: "under_18" at an internet café (网吧 may not admit minors: 《未成年人保护法》 art. 58,
// 《互联网上网服务营业场所管理条例》 art. 21).
QString checkEligibility(VenueType type, const Identity& identity, const QDate& today);

} // namespace lz
