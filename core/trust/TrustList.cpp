#include "trust/TrustList.h"

#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Claims.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <algorithm>
#include <tuple>

namespace lz {
namespace {

// Payload keys (docs/trust-list.md).
constexpr qint64 kVersion = 1, kSequence = 2, kIssuedAt = 3, kNextUpdate = 4, kIssuers = 5, kRevoked = 6,
                 kCsca = 7, kDemo = 8, kCrls = 9;
// Issuer entry keys.
constexpr qint64 kKid = 1, kCode = 2, kKey = 3, kNotBefore = 4, kNotAfter = 5, kName = 6;
constexpr qint64 kMaxTime = 253402300799;
constexpr qsizetype kMaxIssuers = 4096, kMaxCsca = 4096;

Unexpected<QString> bad(const QString& what) {
    return unexpected(QStringLiteral("trust list: ") + what);
}

// Known keys, and the extension range (ignored by a terminal that does not know it); anything
// else refuses the list (docs/trust-list.md "Strictness").
bool allowedKey(qint64 key, std::initializer_list<qint64> known) {
    return std::find(known.begin(), known.end(), key) != known.end() || claims::isExtension(key);
}

Expected<IssuerKey> parseIssuer(const QCborValue& v) {
    if (!v.isMap() || cbor::hasDuplicateKeys(v.toMap()))
        return bad(QStringLiteral("issuer entry is not a map"));
    const QCborMap m = v.toMap();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        if (!it.key().isInteger() ||
            !allowedKey(it.key().toInteger(), {kKid, kCode, kKey, kNotBefore, kNotAfter, kName}))
            return bad(QStringLiteral("issuer entry: unknown key %1").arg(it.key().toDiagnosticNotation()));
    const auto kid = cbor::bytes(m.value(kKid), 1, 32);
    const auto code = cbor::text(m.value(kCode), 32);
    const auto nbf = cbor::integer(m.value(kNotBefore), 0, kMaxTime);
    const auto naf = cbor::integer(m.value(kNotAfter), 0, kMaxTime);
    if (!kid || !code || code->isEmpty() || !nbf || !naf || *naf < *nbf || !m.value(kKey).isMap())
        return bad(QStringLiteral("issuer entry misses kid/code/key/validity, or not_after < not_before"));
    auto key = PublicKey::fromCoseKey(m.value(kKey).toMap());
    if (!key)
        return bad(key.error());
    IssuerKey k{*kid, *code, {}, *key, *nbf, *naf};
    if (m.contains(kName)) {
        const auto name = cbor::text(m.value(kName), 128);
        if (!name)
            return bad(QStringLiteral("issuer name mistyped"));
        k.name = *name;
    }
    return k;
}

// Revocations: {issuer code: bstr of 8-byte serials}. Parsed from the stream so the serials
// (80 MB for 10 M ids) go straight from the payload into the lookup structure, uncopied.
Expected<void> parseRevocations(QCborStreamReader& reader, const QByteArray& payload, TrustList& list) {
    if (!reader.isMap())
        return bad(QStringLiteral("revocations must be a map"));
    reader.enterContainer();
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (!reader.isString())
            return bad(QStringLiteral("revocation entry must map issuer code to 8-byte serials"));
        QString code;
        auto chunk = reader.readString();
        while (chunk.status == QCborStreamReader::Ok && code.size() <= 32) {
            code += chunk.data;
            chunk = reader.readString();
        }
        if (chunk.status != QCborStreamReader::EndOfString || code.isEmpty() || code.size() > 32)
            return bad(QStringLiteral("revocation issuer code malformed"));
        const auto serials = cbor::byteStringView(reader, payload);
        if (!serials || serials->size() % 8 != 0)
            return bad(QStringLiteral("revocation entry must map issuer code to 8-byte serials"));
        if (list.revocations.contains(code))
            return bad(QStringLiteral("duplicate revocation issuer"));
        list.revocations.insert(code, std::make_shared<const RevocationSet>(RevocationSet::build(
                                          serials->data(), std::size_t(serials->size() / 8))));
    }
    if (reader.lastError() != QCborError::NoError)
        return bad(reader.lastError().toString());
    reader.leaveContainer();
    return {};
}

// The payload map with the revocations taken out as they stream past.
Expected<QCborMap> parsePayload(const QByteArray& payload, TrustList& list) {
    // Preferred serialization, as everywhere (byte strings are skipped: cheap at 80 MB).
    if (auto strict = cbor::checkStrict(payload); !strict)
        return bad(strict.error());
    QCborStreamReader reader(payload);
    if (!reader.isMap())
        return bad(QStringLiteral("payload is not a CBOR map"));
    reader.enterContainer();
    QCborMap m;
    bool sawRevocations = false;
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (!reader.isInteger())
            return bad(QStringLiteral("payload keys must be integers"));
        const qint64 key = reader.toInteger();
        reader.next();
        if (!allowedKey(
                key, {kVersion, kSequence, kIssuedAt, kNextUpdate, kIssuers, kRevoked, kCsca, kDemo, kCrls}))
            return bad(QStringLiteral("unknown payload key %1").arg(key));
        if (m.contains(key) || (key == kRevoked && sawRevocations))
            return bad(QStringLiteral("duplicate payload key %1").arg(key));
        if (key == kRevoked) {
            sawRevocations = true;
            auto ok = parseRevocations(reader, payload, list);
            if (!ok)
                return unexpected(ok.error());
        } else {
            // Check the reader before inserting: Qt 6.4 returns a half-built container from
            // fromCbor() on malformed input, and inserting that crashes QCborMap (found by
            // fuzz_trust_list).
            const QCborValue value = QCborValue::fromCbor(reader);
            if (reader.lastError() != QCborError::NoError)
                return bad(reader.lastError().toString());
            m.insert(key, value);
        }
    }
    if (reader.lastError() != QCborError::NoError)
        return bad(reader.lastError().toString());
    reader.leaveContainer();
    if (reader.lastError() != QCborError::NoError || reader.currentOffset() != payload.size())
        return bad(QStringLiteral("payload is not one complete CBOR map"));
    return m;
}

} // namespace

const IssuerKey* TrustList::findIssuer(const QByteArray& kid) const {
    for (const auto& k : issuers)
        if (k.kid == kid)
            return &k;
    return nullptr;
}

bool TrustList::isRevoked(const QString& issuer, QByteArrayView serial) const {
    const auto it = revocations.constFind(issuer);
    return it != revocations.cend() && (*it)->contains(serial);
}

std::size_t TrustList::revocationCount() const {
    std::size_t n = 0;
    for (const auto& set : revocations)
        n += set->size();
    return n;
}

Expected<TrustList> TrustList::parse(const QByteArray& cose, const QList<TrustAnchor>& anchors) {
    auto envelope = CoseSign1::decode(cose);
    if (!envelope)
        return bad(envelope.error());
    const TrustAnchor* anchor = nullptr;
    for (const auto& a : anchors)
        if (a.kid == envelope->keyId())
            anchor = &a;
    if (!anchor)
        return bad(QStringLiteral("signed by an unknown trust anchor"));
    if (!envelope->verify(anchor->key))
        return bad(QStringLiteral("signature does not verify"));

    TrustList list;
    list.signature = envelope->signature;
    auto payload = parsePayload(envelope->payload, list);
    if (!payload)
        return unexpected(payload.error());
    const QCborMap& m = *payload;
    if (cbor::integer(m.value(kVersion), 0, 255) != kFormatVersion)
        return bad(QStringLiteral("unsupported format version"));
    const auto seq = cbor::integer(m.value(kSequence), 0, std::numeric_limits<qint64>::max());
    const auto iat = cbor::integer(m.value(kIssuedAt), 0, kMaxTime);
    const auto next = cbor::integer(m.value(kNextUpdate), 0, kMaxTime);
    if (!seq || !iat || !next || *next < *iat)
        return bad(QStringLiteral("sequence/issued-at/next-update missing or inconsistent"));
    list.sequence = quint64(*seq);
    list.issuedAt = *iat;
    list.nextUpdate = *next;
    if (m.contains(kDemo) && !m.value(kDemo).isBool())
        return bad(QStringLiteral("demo flag must be a bool"));
    list.demo = m.value(kDemo).isTrue();

    const QCborValue issuers = m.value(kIssuers);
    if (!issuers.isArray() || issuers.toArray().size() > kMaxIssuers)
        return bad(QStringLiteral("issuers must be an array"));
    for (const QCborValue& v : issuers.toArray()) {
        auto k = parseIssuer(v);
        if (!k)
            return unexpected(k.error());
        if (list.findIssuer(k->kid))
            return bad(QStringLiteral("duplicate issuer kid"));
        list.issuers.append(*k);
    }
    for (const auto& [key, target, what] : {std::tuple{kCsca, &list.cscaCertificates, "CSCA certificates"},
                                            std::tuple{kCrls, &list.cscaCrls, "CSCA CRLs"}}) {
        const QCborValue v = m.value(key);
        if (v.isUndefined())
            continue;
        if (!v.isArray() || v.toArray().size() > kMaxCsca)
            return bad(QStringLiteral("%1 must be an array").arg(QLatin1String(what)));
        for (const QCborValue& c : v.toArray()) {
            if (!c.isByteArray())
                return bad(QStringLiteral("%1 must be DER bytes").arg(QLatin1String(what)));
            target->append(c.toByteArray());
        }
    }
    auto store = icao::CscaStore::build(list.cscaCertificates, list.cscaCrls);
    if (!store)
        return bad(store.error());
    list.cscaStore = *store;
    return list;
}

QByteArray TrustList::sign(const PrivateKey& anchorKey, const QByteArray& anchorKid) const {
    QCborMap m;
    m.insert(kVersion, kFormatVersion);
    m.insert(kSequence, qint64(sequence));
    m.insert(kIssuedAt, issuedAt);
    m.insert(kNextUpdate, nextUpdate);
    QCborArray issuerArray;
    for (const auto& k : issuers) {
        QCborMap e;
        e.insert(kKid, k.kid);
        e.insert(kCode, k.issuer);
        e.insert(kKey, k.key.toCoseKey());
        e.insert(kNotBefore, k.notBefore);
        e.insert(kNotAfter, k.notAfter);
        if (!k.name.isEmpty())
            e.insert(kName, k.name);
        issuerArray.append(e);
    }
    m.insert(kIssuers, issuerArray);
    QCborMap revoked;
    for (auto it = revokedSerials.cbegin(); it != revokedSerials.cend(); ++it)
        revoked.insert(it.key(), it.value());
    m.insert(kRevoked, revoked);
    if (!cscaCertificates.isEmpty()) {
        QCborArray certs;
        for (const auto& c : cscaCertificates)
            certs.append(c);
        m.insert(kCsca, certs);
    }
    if (!cscaCrls.isEmpty()) {
        QCborArray crls;
        for (const auto& c : cscaCrls)
            crls.append(c);
        m.insert(kCrls, crls);
    }
    if (demo)
        m.insert(kDemo, true);
    return CoseSign1::sign(anchorKey, anchorKid, m.toCborValue().toCbor()).encode();
}

} // namespace lz
