#include "credential/Credential.h"

#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Claims.h"
#include "credential/IdNumber.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace lz {
namespace {

constexpr qint64 kMaxTime = 253402300799; // 9999-12-31T23:59:59Z
constexpr qsizetype kMaxName = 64, kMaxAddress = 128;

Unexpected<QString> bad(const QString& what) {
    return unexpected(QStringLiteral("credential: ") + what);
}

Expected<Identity> identityFromMap(const QCborMap& m) {
    if (cbor::hasDuplicateKeys(m))
        return bad(QStringLiteral("duplicate document claim"));
    Identity id;
    using namespace claims::doc;
    const auto kind = cbor::integer(m.value(kKind), 1, 4);
    const auto level = cbor::integer(m.value(kLevel), 1, 2);
    const auto name = cbor::text(m.value(kName), kMaxName);
    const auto sex = cbor::integer(m.value(kSex), 1, 2);
    const auto birth = cbor::text(m.value(kBirthDate), 10);
    const auto number = cbor::text(m.value(kNumber), 18);
    if (!kind || !level || !name || name->isEmpty() || !sex || !birth || !number)
        return bad(QStringLiteral("missing or mistyped document claim"));
    id.kind = DocumentKind(*kind);
    id.level = CredentialLevel(*level);
    id.name = *name;
    id.sex = Sex(*sex);
    // Exactly YYYY-MM-DD: Qt::ISODate would also take 1949/12/31.
    static const QRegularExpression isoDate(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    if (isoDate.match(*birth).hasMatch())
        id.birthDate = QDate::fromString(*birth, QStringLiteral("yyyy-MM-dd"));
    id.documentNumber = *number;
    if (m.contains(kEthnicity)) {
        const auto e = cbor::integer(m.value(kEthnicity), 1, 98);
        if (!e)
            return bad(QStringLiteral("mistyped ethnicity"));
        id.ethnicity = int(*e);
    }
    if (m.contains(kAddress)) {
        const auto a = cbor::text(m.value(kAddress), kMaxAddress);
        if (!a)
            return bad(QStringLiteral("mistyped or oversized address"));
        id.address = *a;
    }
    if (m.contains(kNameLatin)) {
        const auto n = cbor::text(m.value(kNameLatin), kMaxName);
        if (!n)
            return bad(QStringLiteral("mistyped latin name"));
        id.nameLatin = *n;
    }
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        const auto k = cbor::integer(it.key(), kKind, kNameLatin);
        if (!k)
            return bad(QStringLiteral("unknown document claim"));
    }
    auto valid = validateIdentity(id);
    if (!valid)
        return unexpected(valid.error());
    return id;
}

QCborMap identityToMap(const Identity& id) {
    using namespace claims::doc;
    QCborMap m;
    m.insert(kKind, int(id.kind));
    m.insert(kLevel, int(id.level));
    m.insert(kName, id.name);
    m.insert(kSex, int(id.sex));
    if (id.ethnicity)
        m.insert(kEthnicity, id.ethnicity);
    m.insert(kBirthDate, id.birthDate.toString(Qt::ISODate));
    m.insert(kNumber, id.documentNumber);
    if (!id.address.isEmpty())
        m.insert(kAddress, id.address);
    if (!id.nameLatin.isEmpty())
        m.insert(kNameLatin, id.nameLatin);
    return m;
}

std::optional<qint64> time(const QCborMap& m, qint64 key) {
    return cbor::integer(m.value(key), 0, kMaxTime);
}

} // namespace

Expected<void> validateIdentity(const Identity& id) {
    if (!id.birthDate.isValid())
        return bad(QStringLiteral("birth date is not a valid YYYY-MM-DD date"));
    if (id.ethnicity && !validEthnicity(id.ethnicity))
        return bad(QStringLiteral("unknown GB/T 3304 ethnicity code"));
    if (id.kind == DocumentKind::ResidentId && !id.ethnicity)
        return bad(QStringLiteral("resident ID credential without ethnicity"));
    if (id.level == CredentialLevel::Light && !id.address.isEmpty())
        return bad(QStringLiteral("a light-level credential must not carry the address"));
    if (id.level == CredentialLevel::Full && id.address.isEmpty())
        return bad(QStringLiteral("a full-level credential must carry the address"));
    if (isTravelDocument(id.kind)) {
        // ICAO 9303: number up to 9 characters in TD3 (longer ones in TD1's optional data),
        // nationality and issuing state three letters ('D<<' for Germany).
        static const QRegularExpression number(QStringLiteral("^[A-Z0-9]{1,22}$"));
        static const QRegularExpression state(QStringLiteral("^[A-Z][A-Z<]{0,2}$"));
        if (!number.match(id.documentNumber).hasMatch())
            return bad(QStringLiteral("travel document number has the wrong format"));
        if (!state.match(id.nationality).hasMatch() || !state.match(id.issuingState).hasMatch())
            return bad(QStringLiteral("travel document nationality or issuing state is not an ICAO code"));
        if (!id.expiryDate.isValid())
            return bad(QStringLiteral("travel document without an expiry date"));
        return {};
    }
    if (id.sex == Sex::Unspecified || !id.nationality.isEmpty() || !id.issuingState.isEmpty())
        return bad(QStringLiteral("sex unspecified or a nationality on a Chinese credential"));
    if (id.kind == DocumentKind::TravelPermit) {
        // Permit numbers are not GB 11643 numbers: H/M + 8 digits (+ 2-digit issue count) or 8 digits.
        static const QRegularExpression permit(QStringLiteral("^([HM][0-9]{8}([0-9]{2})?|[0-9]{8})$"));
        if (!permit.match(id.documentNumber).hasMatch())
            return bad(QStringLiteral("travel permit number has the wrong format"));
        return {};
    }
    const auto parsed = idnumber::parse(id.documentNumber);
    if (!parsed)
        return bad(parsed.error());
    // The number's first characters say which card it is: residence permits for Hong Kong,
    // Macao and Taiwan residents 81/82/83, the 2023 foreigner permanent residence card 9 + the
    // province, a resident ID a province code of GB/T 2260.
    const QChar first = id.documentNumber.at(0);
    const bool permitPrefix = id.documentNumber.startsWith(QLatin1String("81")) ||
                              id.documentNumber.startsWith(QLatin1String("82")) ||
                              id.documentNumber.startsWith(QLatin1String("83"));
    if (id.kind == DocumentKind::ResidentId && (permitPrefix || first == QLatin1Char('9')))
        return bad(QStringLiteral("a resident ID number begins with a province code"));
    if (id.kind == DocumentKind::ResidencePermit && !permitPrefix)
        return bad(QStringLiteral("a residence permit number begins with 81, 82 or 83"));
    if (id.kind == DocumentKind::ForeignerPermanentResidence && first != QLatin1Char('9'))
        return bad(QStringLiteral("a foreigner permanent residence number begins with 9"));
    if (parsed->birthDate != id.birthDate)
        return bad(QStringLiteral("birth date differs from the one in the ID number"));
    if (parsed->male != (id.sex == Sex::Male))
        return bad(QStringLiteral("sex differs from the ID number's sequence code"));
    return {};
}

Expected<Credential> Credential::fromClaims(const QByteArray& payload) {
    auto value = cbor::decode(payload);
    if (!value)
        return unexpected(value.error());
    if (!value->isMap())
        return bad(QStringLiteral("claims are not a map"));
    const QCborMap m = value->toMap();
    if (cbor::hasDuplicateKeys(m))
        return bad(QStringLiteral("duplicate claim"));
    Credential c;
    // Every claim known, reserved or in the extension range (ignored); anything else is refused:
    // a claim this terminal cannot see must not be able to change what the credential means.
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        const auto key =
            cbor::integer(it.key(), std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        static constexpr qint64 kKnown[] = {claims::kIss,      claims::kCti,         claims::kIat,
                                            claims::kNbf,      claims::kExp,         claims::kCnf,
                                            claims::kDocument, claims::kPortraitHash};
        if (!key || (std::find(std::begin(kKnown), std::end(kKnown), *key) == std::end(kKnown) &&
                     !claims::isExtension(*key)))
            return bad(QStringLiteral("unknown claim %1").arg(it.key().toDiagnosticNotation()));
    }
    if (m.contains(claims::kPortraitHash)) {
        const auto hash = cbor::bytes(m.value(claims::kPortraitHash), 32, 32);
        if (!hash)
            return bad(QStringLiteral("portrait hash must be 32 bytes (SHA-256)"));
        c.portraitHash = *hash;
    }
    const auto iss = cbor::text(m.value(claims::kIss), 32);
    const auto cti = cbor::bytes(m.value(claims::kCti), claims::kCredentialIdSize, claims::kCredentialIdSize);
    const auto iat = time(m, claims::kIat), nbf = time(m, claims::kNbf), exp = time(m, claims::kExp);
    if (!iss || iss->isEmpty() || !cti || !iat || !nbf || !exp)
        return bad(QStringLiteral("missing or mistyped iss/cti/iat/nbf/exp"));
    if (*exp <= *nbf)
        return bad(QStringLiteral("exp is not after nbf"));
    c.issuer = *iss;
    c.id = *cti;
    c.issuedAt = *iat;
    c.notBefore = *nbf;
    c.expiresAt = *exp;
    const QCborValue cnf = m.value(claims::kCnf);
    // cnf holds the one key and nothing else (RFC 8747 allows kid or an encrypted key instead;
    // a terminal offline has no use for either).
    if (!cnf.isMap() || cnf.toMap().size() != 1 || !cnf.toMap().value(claims::kCnfCoseKey).isMap())
        return bad(QStringLiteral("cnf must hold a COSE_Key (and nothing else)"));
    auto holder = PublicKey::fromCoseKey(cnf.toMap().value(claims::kCnfCoseKey).toMap());
    if (!holder)
        return bad(holder.error());
    c.holderKey = *holder;
    if (!m.value(claims::kDocument).isMap())
        return bad(QStringLiteral("document claims missing"));
    auto identity = identityFromMap(m.value(claims::kDocument).toMap());
    if (!identity)
        return unexpected(identity.error());
    c.identity = *identity;
    return c;
}

QByteArray Credential::toClaims() const {
    QCborMap m;
    m.insert(claims::kIss, issuer);
    m.insert(claims::kCti, id);
    m.insert(claims::kIat, issuedAt);
    m.insert(claims::kNbf, notBefore);
    m.insert(claims::kExp, expiresAt);
    // Uncompressed point: decompressing costs a modular square root on every verification.
    m.insert(claims::kCnf, QCborMap{{claims::kCnfCoseKey, holderKey.toCoseKey(false)}});
    m.insert(claims::kDocument, identityToMap(identity));
    if (!portraitHash.isEmpty())
        m.insert(claims::kPortraitHash, portraitHash);
    return m.toCborValue().toCbor();
}

QByteArray Credential::issue(const PrivateKey& issuerKey, const QByteArray& kid) const {
    return CoseSign1::sign(issuerKey, kid, toClaims()).encode();
}

} // namespace lz
