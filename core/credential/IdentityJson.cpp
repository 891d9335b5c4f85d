#include "credential/IdentityJson.h"

#include "credential/Credential.h"
#include "credential/IdNumber.h"
#include "credential/Masking.h"

namespace lz {

Expected<Identity> identityFromJson(const QJsonObject& o) {
    Identity id;
    const auto kind =
        documentKindFromName(o.value(QLatin1String("kind")).toString(QStringLiteral("resident_id")));
    const auto level = levelFromName(o.value(QLatin1String("level")).toString(QStringLiteral("light")));
    const auto sex = sexFromName(o.value(QLatin1String("sex")).toString());
    if (!kind || !level || !sex)
        return unexpected(QStringLiteral("identity: kind, level or sex not recognised"));
    id.kind = *kind;
    id.level = *level;
    id.sex = *sex;
    id.name = o.value(QLatin1String("name")).toString();
    id.nameLatin = o.value(QLatin1String("name_latin")).toString();
    id.ethnicity = o.value(QLatin1String("ethnicity")).toInt(0);
    id.birthDate = QDate::fromString(o.value(QLatin1String("birth_date")).toString(), Qt::ISODate);
    id.documentNumber = o.value(QLatin1String("number")).toString();
    id.address = o.value(QLatin1String("address")).toString();
    id.nationality = o.value(QLatin1String("nationality")).toString();
    id.issuingState = o.value(QLatin1String("issuing_state")).toString();
    id.expiryDate = QDate::fromString(o.value(QLatin1String("expiry_date")).toString(), Qt::ISODate);
    if (id.name.isEmpty())
        return unexpected(QStringLiteral("identity: name is required"));
    auto valid = validateIdentity(id);
    if (!valid)
        return unexpected(valid.error());
    return id;
}

QJsonObject identityToJson(const Identity& id) {
    QJsonObject o;
    o.insert(QLatin1String("kind"), documentKindName(id.kind));
    o.insert(QLatin1String("level"), levelName(id.level));
    o.insert(QLatin1String("name"), id.name);
    if (!id.nameLatin.isEmpty())
        o.insert(QLatin1String("name_latin"), id.nameLatin);
    o.insert(QLatin1String("sex"), sexName(id.sex));
    if (id.ethnicity)
        o.insert(QLatin1String("ethnicity"), id.ethnicity);
    o.insert(QLatin1String("birth_date"), id.birthDate.toString(Qt::ISODate));
    o.insert(QLatin1String("number"), id.documentNumber);
    if (!id.address.isEmpty())
        o.insert(QLatin1String("address"), id.address);
    if (isTravelDocument(id.kind)) {
        o.insert(QLatin1String("nationality"), id.nationality);
        o.insert(QLatin1String("issuing_state"), id.issuingState);
        o.insert(QLatin1String("expiry_date"), id.expiryDate.toString(Qt::ISODate));
    }
    return o;
}

QJsonObject identityToDisplayJson(const Identity& id, bool unmasked, QDate on) {
    QJsonObject o;
    o.insert(QLatin1String("kind"), documentKindName(id.kind));
    o.insert(QLatin1String("level"), levelName(id.level));
    o.insert(QLatin1String("name"), unmasked ? id.name : masking::name(id.name));
    o.insert(QLatin1String("sex"), sexName(id.sex));
    if (id.ethnicity)
        o.insert(QLatin1String("ethnicity"), ethnicityName(id.ethnicity));
    if (unmasked)
        o.insert(QLatin1String("birth_date"), id.birthDate.toString(Qt::ISODate));
    o.insert(QLatin1String("age_18_or_over"), masking::isAdult(id.birthDate, on));
    o.insert(QLatin1String("document_number"),
             unmasked ? id.documentNumber : masking::documentNumber(id.documentNumber));
    if (!id.address.isEmpty())
        o.insert(QLatin1String("address"),
                 unmasked ? QJsonValue(id.address) : QJsonValue(QLatin1String("(masked)")));
    if (isTravelDocument(id.kind)) {
        o.insert(QLatin1String("nationality"), id.nationality);
        o.insert(QLatin1String("expiry_date"), id.expiryDate.toString(Qt::ISODate));
    }
    return o;
}

} // namespace lz
