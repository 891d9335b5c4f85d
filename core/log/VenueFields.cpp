#include "log/VenueFields.h"

#include <QDate>

#include <algorithm>

namespace lz {
namespace {

QList<VenueField> withOverride(QList<VenueField> fields) {
    // Every venue: a clerk's override of a flag the desk raised (an open stay elsewhere): who and
    // why, both or neither (core/desk/Desk.h StaffOverride).
    fields.append({"override_staff", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    fields.append({"override_reason", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    // The face check where the venue offers it (core/face/FaceOutcome.h): what the machine found
    // and, unless it found the live holder, the clerk who checked the photo and why they registered.
    fields.append(
        {"face_check", FieldType::Choice, FieldNeed::Optional, FieldSource::Desk,
         QStringLiteral("same different undecided declined not_live not_run").split(QLatin1Char(' '))});
    fields.append({"face_distance", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    fields.append({"face_liveness", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    fields.append({"face_model", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    fields.append({"face_clerk", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    fields.append({"face_clerk_reason", FieldType::Text, FieldNeed::Optional, FieldSource::Desk});
    return fields;
}

} // namespace

const QList<VenueField>& venueFields(VenueType type) {
    static const QList<VenueField> hotel = withOverride({
        {"room", FieldType::Text, FieldNeed::Required, FieldSource::Clerk},
        {"check_in", FieldType::DateTime, FieldNeed::Required, FieldSource::Terminal}, // ISO 8601 local
        {"expected_checkout", FieldType::DateTime, FieldNeed::Required, FieldSource::Clerk},
        {"guests", FieldType::Count, FieldNeed::Required, FieldSource::Clerk, {}, 1, 20},
        {"party", FieldType::Text, FieldNeed::Optional, FieldSource::Desk}, // the first guest's record id
        // A foreign guest (境外人员住宿登记, needsForeignGuestFields).
        {"visa_type", FieldType::Choice, FieldNeed::ForeignGuest, FieldSource::Clerk, kVisaTypes},
        {"visa_number", FieldType::Text, FieldNeed::ForeignGuestOptional,
         FieldSource::Clerk}, // none if visa-free
        {"entry_date", FieldType::Date, FieldNeed::ForeignGuest, FieldSource::Clerk},
        {"entry_port", FieldType::Text, FieldNeed::ForeignGuestOptional, FieldSource::Clerk},
        {"stay_until", FieldType::Date, FieldNeed::ForeignGuest, FieldSource::Clerk},
    });
    static const QList<VenueField> cafe = withOverride({
        {"seat", FieldType::Text, FieldNeed::Required, FieldSource::Clerk},
        {"session_start", FieldType::DateTime, FieldNeed::Optional, FieldSource::Terminal},
    });
    static const QList<VenueField> government = withOverride({
        {"service_item", FieldType::Choice, FieldNeed::Required, FieldSource::Clerk},
        {"window_no", FieldType::Text, FieldNeed::Required, FieldSource::Clerk},
    });
    static const QList<VenueField> parcel = withOverride({
        {"waybill", FieldType::Text, FieldNeed::Required, FieldSource::Clerk},
    });
    switch (type) {
    case VenueType::Hotel:
        return hotel;
    case VenueType::InternetCafe:
        return cafe;
    case VenueType::GovernmentWindow:
        return government;
    case VenueType::ParcelCounter:
        return parcel;
    }
    return parcel;
}

QString DetailProblem::text() const {
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("details_missing: %1").arg(key);
    case Kind::Invalid:
        return QStringLiteral("details_invalid: %1").arg(key);
    case Kind::Unknown:
        return QStringLiteral("details_unknown: %1").arg(key);
    }
    return {};
}

std::optional<DetailProblem> checkDetails(VenueType type, const QJsonObject& details,
                                          const Identity* identity) {
    using Kind = DetailProblem::Kind;
    auto problem = [](Kind kind, const char* key) { return DetailProblem{kind, QLatin1String(key)}; };
    const QList<VenueField>& fields = venueFields(type);
    for (const VenueField& f : fields) {
        const QJsonValue v = details.value(QLatin1String(f.key));
        if (v.isUndefined() || v.isNull()) {
            if (f.need == FieldNeed::Required)
                return problem(Kind::Missing, f.key);
            continue;
        }
        const bool count = f.type == FieldType::Count;
        if (count ? !v.isDouble() : (!v.isString() || v.toString().trimmed().isEmpty()))
            return problem(Kind::Invalid, f.key);
        if (count &&
            (v.toDouble() < f.minimum || v.toDouble() > f.maximum || v.toDouble() != int(v.toDouble())))
            return problem(Kind::Invalid, f.key);
    }
    for (auto it = details.begin(); it != details.end(); ++it)
        if (std::none_of(fields.begin(), fields.end(),
                         [&](const VenueField& f) { return it.key() == QLatin1String(f.key); }))
            return DetailProblem{Kind::Unknown, it.key()};
    if (details.contains(QLatin1String("override_staff")) !=
        details.contains(QLatin1String("override_reason")))
        return problem(Kind::Missing, details.contains(QLatin1String("override_staff")) ? "override_reason"
                                                                                        : "override_staff");
    // The face check: its model with its result; a clerk and a reason together, and both
    // whenever the machine did not find the live holder.
    if (details.contains(QLatin1String("face_check")) != details.contains(QLatin1String("face_model")))
        return problem(Kind::Missing,
                       details.contains(QLatin1String("face_check")) ? "face_model" : "face_check");
    if (details.contains(QLatin1String("face_clerk")) != details.contains(QLatin1String("face_clerk_reason")))
        return problem(Kind::Missing,
                       details.contains(QLatin1String("face_clerk")) ? "face_clerk_reason" : "face_clerk");
    if (details.contains(QLatin1String("face_check")) &&
        details.value(QLatin1String("face_check")).toString() != QLatin1String("same") &&
        !details.contains(QLatin1String("face_clerk")))
        return problem(Kind::Missing, "face_clerk");
    // A foreign guest's fields: theirs alone, and the required ones present.
    const bool foreign = identity && needsForeignGuestFields(type, *identity);
    for (const VenueField& f : fields) {
        const bool foreignField =
            f.need == FieldNeed::ForeignGuest || f.need == FieldNeed::ForeignGuestOptional;
        if (!foreignField)
            continue;
        const bool present = details.contains(QLatin1String(f.key));
        if (identity && !foreign && present)
            return problem(Kind::Unknown, f.key);
        if (foreign && f.need == FieldNeed::ForeignGuest && !present)
            return problem(Kind::Missing, f.key);
    }
    for (const VenueField& f : fields) {
        const QString value = details.value(QLatin1String(f.key)).toString();
        if (!details.contains(QLatin1String(f.key)))
            continue;
        if (f.type == FieldType::Choice && !f.choices.isEmpty() && !f.choices.contains(value))
            return problem(Kind::Invalid, f.key);
        if (f.type == FieldType::Date && !QDate::fromString(value, Qt::ISODate).isValid())
            return problem(Kind::Invalid, f.key);
    }
    if (type == VenueType::Hotel) {
        // A visa or permit has a number; visa-free entry has none, and a permanent resident's
        // permit is the card whose number the registration already holds.
        const QString visa = details.value(QLatin1String("visa_type")).toString();
        if (foreign && visa != QLatin1String("visa_free") && visa != QLatin1String("permanent_residence") &&
            !details.contains(QLatin1String("visa_number")))
            return problem(Kind::Missing, "visa_number");
        const QDate entry =
            QDate::fromString(details.value(QLatin1String("entry_date")).toString(), Qt::ISODate);
        const QDate until =
            QDate::fromString(details.value(QLatin1String("stay_until")).toString(), Qt::ISODate);
        if (entry.isValid() && until.isValid() && until < entry)
            return problem(Kind::Invalid, "stay_until");
    }
    return std::nullopt;
}

QString validateDetails(VenueType type, const QJsonObject& details, const Identity* identity) {
    const auto p = checkDetails(type, details, identity);
    return p ? p->text() : QString();
}

bool venueRecordsEthnicity(VenueType type) {
    switch (type) {
    case VenueType::Hotel:
        return true;
    case VenueType::InternetCafe:
    case VenueType::GovernmentWindow:
    case VenueType::ParcelCounter:
        return false;
    }
    return false;
}

} // namespace lz
