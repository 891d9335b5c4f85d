#include "log/Registration.h"

#include "log/RecordId.h"
#include "verify/VerificationResult.h"

#include <QDateTime>

#include <QDate>
#include <QJsonArray>

namespace lz {
namespace {

struct Field {
    const char* name;
    QJsonValue::Type type;
    bool required;
};

QList<Field> venueFieldsOf(VenueType t);

// Every venue: a clerk's override of a flag the desk raised (an open stay elsewhere): who and
// why, both or neither (core/desk/Desk.h StaffOverride).
QList<Field> fieldsOf(VenueType t) {
    QList<Field> fields = venueFieldsOf(t);
    fields.append({"override_staff", QJsonValue::String, false});
    fields.append({"override_reason", QJsonValue::String, false});
    return fields;
}

QList<Field> venueFieldsOf(VenueType t) {
    switch (t) {
    case VenueType::Hotel:
        return {{"room", QJsonValue::String, true},
                {"check_in", QJsonValue::String, true}, // ISO 8601 local date-time
                {"expected_checkout", QJsonValue::String, true},
                {"guests", QJsonValue::Double, true},
                {"party", QJsonValue::String, false}, // id of the first guest's record, for the others
                // A foreign guest (境外人员住宿登记): required for them (needsForeignGuestFields).
                {"visa_type", QJsonValue::String, false},   // kVisaTypes
                {"visa_number", QJsonValue::String, false}, // none for visa-free entry
                {"entry_date", QJsonValue::String, false},  // ISO 8601 date
                {"entry_port", QJsonValue::String, false},
                {"stay_until", QJsonValue::String, false}}; // ISO 8601 date
    case VenueType::InternetCafe:
        return {{"seat", QJsonValue::String, true}, {"session_start", QJsonValue::String, false}};
    case VenueType::GovernmentWindow:
        return {{"service_item", QJsonValue::String, true}, {"window_no", QJsonValue::String, true}};
    case VenueType::ParcelCounter:
        return {{"waybill", QJsonValue::String, true}};
    }
    return {};
}

} // namespace

QString venueTypeName(VenueType t) {
    switch (t) {
    case VenueType::Hotel:
        return QStringLiteral("hotel");
    case VenueType::InternetCafe:
        return QStringLiteral("internet_cafe");
    case VenueType::GovernmentWindow:
        return QStringLiteral("government_window");
    case VenueType::ParcelCounter:
        return QStringLiteral("parcel_counter");
    }
    return {};
}

std::optional<VenueType> venueTypeFromName(const QString& name) {
    for (VenueType t :
         {VenueType::Hotel, VenueType::InternetCafe, VenueType::GovernmentWindow, VenueType::ParcelCounter})
        if (venueTypeName(t) == name)
            return t;
    return std::nullopt;
}

QString recordKindName(RecordKind kind) {
    switch (kind) {
    case RecordKind::Registration:
        return QStringLiteral("registration");
    case RecordKind::Attempt:
        return QStringLiteral("attempt");
    case RecordKind::Checkout:
        return QStringLiteral("checkout");
    }
    return {};
}

std::optional<RecordKind> recordKindFromName(const QString& name) {
    for (RecordKind k : {RecordKind::Registration, RecordKind::Attempt, RecordKind::Checkout})
        if (recordKindName(k) == name)
            return k;
    return std::nullopt;
}

bool needsForeignGuestFields(VenueType type, const Identity& identity) {
    return type == VenueType::Hotel && isTravelDocument(identity.kind) &&
           identity.nationality != QLatin1String("CHN");
}

QString validateDetails(VenueType type, const QJsonObject& details, const Identity* identity) {
    const QList<Field> fields = fieldsOf(type);
    for (const Field& f : fields) {
        const QJsonValue v = details.value(QLatin1String(f.name));
        if (v.isUndefined() || v.isNull()) {
            if (f.required)
                return QStringLiteral("details_missing: %1").arg(QLatin1String(f.name));
            continue;
        }
        if (v.type() != f.type || (f.type == QJsonValue::String && v.toString().trimmed().isEmpty()))
            return QStringLiteral("details_invalid: %1").arg(QLatin1String(f.name));
    }
    for (auto it = details.begin(); it != details.end(); ++it)
        if (std::none_of(fields.begin(), fields.end(),
                         [&](const Field& f) { return it.key() == QLatin1String(f.name); }))
            return QStringLiteral("details_unknown: %1").arg(it.key());
    if (details.contains(QLatin1String("override_staff")) != details.contains(QLatin1String("override_reason")))
        return QStringLiteral("details_missing: %1")
            .arg(details.contains(QLatin1String("override_staff")) ? QStringLiteral("override_reason")
                                                                   : QStringLiteral("override_staff"));
    if (type == VenueType::Hotel) {
        const double guests = details.value(QLatin1String("guests")).toDouble();
        if (guests < 1 || guests > 20 || guests != int(guests))
            return QStringLiteral("details_invalid: guests");
        const bool foreign = identity && needsForeignGuestFields(type, *identity);
        for (const char* name : {"visa_type", "visa_number", "entry_date", "entry_port", "stay_until"}) {
            const bool present = details.contains(QLatin1String(name));
            const bool required = qstrcmp(name, "visa_number") != 0 && qstrcmp(name, "entry_port") != 0;
            if (identity && !foreign && present)
                return QStringLiteral("details_unknown: %1").arg(QLatin1String(name));
            if (foreign && required && !present)
                return QStringLiteral("details_missing: %1").arg(QLatin1String(name));
        }
        if (details.contains(QLatin1String("visa_type")) &&
            !kVisaTypes.contains(details.value(QLatin1String("visa_type")).toString()))
            return QStringLiteral("details_invalid: visa_type");
        for (const char* name : {"entry_date", "stay_until"})
            if (details.contains(QLatin1String(name)) &&
                !QDate::fromString(details.value(QLatin1String(name)).toString(), Qt::ISODate).isValid())
                return QStringLiteral("details_invalid: %1").arg(QLatin1String(name));
        // A visa or permit has a number; only visa-free entry has none.
        if (foreign && details.value(QLatin1String("visa_type")).toString() != QLatin1String("visa_free") &&
            !details.contains(QLatin1String("visa_number")))
            return QStringLiteral("details_missing: visa_number");
        const QDate entry =
            QDate::fromString(details.value(QLatin1String("entry_date")).toString(), Qt::ISODate);
        const QDate until =
            QDate::fromString(details.value(QLatin1String("stay_until")).toString(), Qt::ISODate);
        if (entry.isValid() && until.isValid() && until < entry)
            return QStringLiteral("details_invalid: stay_until");
    }
    return {};
}

QString validateCheckoutDetails(VenueType type, const QJsonObject& details) {
    if (type != VenueType::Hotel)
        return QStringLiteral("details_invalid: a checkout is a hotel's");
    for (const char* name : {"stay", "room", "departed"}) {
        const QJsonValue v = details.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return QStringLiteral("details_missing: %1").arg(QLatin1String(name));
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return QStringLiteral("details_invalid: %1").arg(QLatin1String(name));
    }
    if (recordIdFromText(details.value(QLatin1String("stay")).toString()).isEmpty())
        return QStringLiteral("details_invalid: stay");
    if (!QDateTime::fromString(details.value(QLatin1String("departed")).toString(), Qt::ISODate).isValid())
        return QStringLiteral("details_invalid: departed");
    for (auto it = details.begin(); it != details.end(); ++it)
        if (it.key() != QLatin1String("stay") && it.key() != QLatin1String("room") &&
            it.key() != QLatin1String("departed"))
            return QStringLiteral("details_unknown: %1").arg(it.key());
    return {};
}

int ageOn(const QDate& birth, const QDate& day) {
    if (!birth.isValid() || !day.isValid())
        return -1;
    int age = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --age;
    return age;
}

QString checkEligibility(VenueType type, const Identity& identity, const QDate& today) {
    if (type == VenueType::InternetCafe) {
        const int age = ageOn(identity.birthDate, today);
        if (age < 18)
            return QStringLiteral("under_18");
    }
    return {};
}

Registration registrationFrom(const VerificationResult& result, const QString& method,
                              const VenueContext& venue, const QJsonObject& details, qint64 nowMs,
                              int utcOffsetS) {
    Registration r;
    r.createdAtMs = nowMs;
    r.utcOffsetS = utcOffsetS;
    r.kind = result.valid ? RecordKind::Registration : RecordKind::Attempt;
    r.method = method;
    r.valid = result.valid;
    r.reason = reasonName(result.reason);
    r.issuer = result.issuer;
    r.credentialId = result.credentialId;
    r.trustListSequence = result.trustListSequence;
    r.venue = venue;
    if (result.valid && result.identity) {
        r.identity = result.identity;
        r.documentKind = documentKindName(result.identity->kind);
        r.details = details; // an attempt keeps no personal data beyond what it was
    }
    return r;
}

} // namespace lz
