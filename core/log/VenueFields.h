#pragma once
// The venue profiles' fields (docs/registration-log.md): the one list that the checks below, the
// desk, the sync wire and the registration form all read. A form renders a venue's rows from it
// and asks checkDetails() what is missing; it holds no field rule of its own.
#include "log/Registration.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace lz {

enum class FieldType { Text, Count, Date, DateTime, Choice };

enum class FieldNeed {
    Required,             // every registration has it
    Optional,             // may be absent
    ForeignGuest,         // a foreign guest at a hotel must have it; nobody else may
    ForeignGuestOptional, // a foreign guest may have it; nobody else may
};

enum class FieldSource {
    Clerk,    // typed or chosen on the form
    Terminal, // set when the form opens (the check-in time, a session's start)
    Desk,     // set by the desk, never by a form (a party's id, a clerk's override)
};

struct VenueField {
    const char* key;
    FieldType type;
    FieldNeed need;
    FieldSource source;
    QStringList choices = {};     // Choice: the allowed values; empty: free text (suggestions are the form's)
    int minimum = 0, maximum = 0; // Count: the allowed range
};

// The fields of a venue type, in the order a form shows them (every venue's override fields last).
const QList<VenueField>& venueFields(VenueType type);

// What is wrong with a registration's details, by field.
struct DetailProblem {
    enum class Kind { Missing, Invalid, Unknown } kind = Kind::Missing;
    QString key;          // the field
    QString text() const; // "details_missing: room", "details_invalid: guests", "details_unknown: x"
};

// Whether a venue's registration records 民族 (issue 18: shown only where required). A hotel's
// guest register does (旅馆业治安管理, the 住宿登记 of the police's hotel system); an internet café,
// a government service window's visitor log and a parcel counter's 实名收寄 do not.
bool venueRecordsEthnicity(VenueType type);

// Required fields present and of their type, nothing unknown, the override's two fields together;
// at a hotel the party size in range and a foreign guest's visa and entry (identity: the verified
// guest; records from before the identity is known pass null). nullopt when valid.
std::optional<DetailProblem> checkDetails(VenueType type, const QJsonObject& details,
                                          const Identity* identity = nullptr);
// The same as a named error ("details_missing: room"); empty when valid.
QString validateDetails(VenueType type, const QJsonObject& details, const Identity* identity = nullptr);

} // namespace lz
