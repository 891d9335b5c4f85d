#include "log/Registration.h"

#include "log/RecordId.h"
#include "log/VenueFields.h"
#include "verify/VerificationResult.h"

#include <QDateTime>

#include <QDate>
#include <QJsonArray>

namespace lz {

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
    case RecordKind::ManualRegistration:
        return QStringLiteral("manual_registration");
    case RecordKind::Void:
        return QStringLiteral("void");
    case RecordKind::Correction:
        return QStringLiteral("correction");
    }
    return {};
}

std::optional<RecordKind> recordKindFromName(const QString& name) {
    for (RecordKind k : {RecordKind::Registration, RecordKind::Attempt, RecordKind::Checkout,
                         RecordKind::ManualRegistration, RecordKind::Void, RecordKind::Correction})
        if (recordKindName(k) == name)
            return k;
    return std::nullopt;
}

bool needsForeignGuestFields(VenueType type, const Identity& identity) {
    // A foreigner's passport or travel document, or a foreigner's permanent residence card (read
    // by the ID-card reader, or its e-credential): 境外人员住宿登记.
    const bool foreignDocument =
        (isTravelDocument(identity.kind) && identity.nationality != QLatin1String("CHN")) ||
        identity.kind == DocumentKind::ForeignerPermanentResidence;
    return type == VenueType::Hotel && foreignDocument;
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

QString validateAmendDetails(RecordKind kind, VenueType type, const QJsonObject& details,
                             const Identity* identity) {
    for (const char* name : {"target", "amend_reason"}) {
        const QJsonValue v = details.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return QStringLiteral("details_missing: %1").arg(QLatin1String(name));
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return QStringLiteral("details_invalid: %1").arg(QLatin1String(name));
    }
    if (recordIdFromText(details.value(QLatin1String("target")).toString()).isEmpty())
        return QStringLiteral("details_invalid: target");
    if (kind == RecordKind::Void) {
        for (auto it = details.begin(); it != details.end(); ++it)
            if (it.key() != QLatin1String("target") && it.key() != QLatin1String("amend_reason"))
                return QStringLiteral("details_unknown: %1").arg(it.key());
        return {};
    }
    if (kind != RecordKind::Correction)
        return QStringLiteral("details_invalid: kind");
    QJsonObject venue = details;
    venue.remove(QStringLiteral("target"));
    venue.remove(QStringLiteral("amend_reason"));
    return validateDetails(type, venue, identity);
}

QByteArray amendedRecordId(const Registration& r) {
    if (r.kind != RecordKind::Void && r.kind != RecordKind::Correction)
        return {};
    return recordIdFromText(r.details.value(QLatin1String("target")).toString());
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
