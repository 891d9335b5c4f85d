#include "credential/Presentation.h"

#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Claims.h"

#include <algorithm>
#include <limits>
#include <openssl/rand.h>

namespace lz {

Expected<Presentation> Presentation::fromClaims(const QByteArray& payload) {
    auto value = cbor::decode(payload);
    if (!value)
        return unexpected(value.error());
    if (!value->isMap())
        return unexpected(QStringLiteral("presentation: claims are not a map"));
    const QCborMap m = value->toMap();
    if (cbor::hasDuplicateKeys(m))
        return unexpected(QStringLiteral("presentation: duplicate claim"));
    // Known claims and the extension range (ignored); anything else is refused (see Credential).
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        const auto key =
            cbor::integer(it.key(), std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        static constexpr qint64 kKnown[] = {claims::kIat,        claims::kExp,   claims::kCti,
                                            claims::kCredential, claims::kNonce, claims::kAud};
        if (!key || (std::find(std::begin(kKnown), std::end(kKnown), *key) == std::end(kKnown) &&
                     !claims::isExtension(*key)))
            return unexpected(
                QStringLiteral("presentation: unknown claim %1").arg(it.key().toDiagnosticNotation()));
    }
    const auto cred = cbor::bytes(m.value(claims::kCredential), 1, 4096);
    const auto iat = cbor::integer(m.value(claims::kIat), 0, 253402300799);
    const auto exp = cbor::integer(m.value(claims::kExp), 0, 253402300799);
    const auto jti = cbor::bytes(m.value(claims::kCti), 8, claims::kMaxJtiSize);
    if (!cred || !iat || !exp || !jti)
        return unexpected(QStringLiteral("presentation: missing or mistyped credential/iat/exp/jti"));
    if (*exp <= *iat || *exp - *iat > claims::kMaxPresentationLifetime)
        return unexpected(
            QStringLiteral("presentation: lifetime must be 1..%1 s").arg(claims::kMaxPresentationLifetime));
    Presentation p;
    p.credential = *cred;
    p.issuedAt = *iat;
    p.expiresAt = *exp;
    p.jti = *jti;
    if (m.contains(claims::kNonce)) {
        const auto nonce = cbor::bytes(m.value(claims::kNonce), 1, claims::kMaxNonceSize);
        if (!nonce)
            return unexpected(QStringLiteral("presentation: mistyped or oversized nonce"));
        p.nonce = *nonce;
    }
    if (m.contains(claims::kAud)) {
        const auto aud = cbor::text(m.value(claims::kAud), 64);
        if (!aud)
            return unexpected(QStringLiteral("presentation: mistyped audience"));
        p.audience = *aud;
    }
    return p;
}

QByteArray Presentation::toClaims() const {
    QCborMap m;
    m.insert(claims::kIat, issuedAt);
    m.insert(claims::kExp, expiresAt);
    m.insert(claims::kCti, jti);
    if (!nonce.isEmpty())
        m.insert(claims::kNonce, nonce);
    if (!audience.isEmpty())
        m.insert(claims::kAud, audience);
    m.insert(claims::kCredential, credential);
    return m.toCborValue().toCbor();
}

QByteArray Presentation::sign(const PrivateKey& deviceKey) const {
    return CoseSign1::sign(deviceKey, {}, toClaims()).encode();
}

Presentation Presentation::make(const QByteArray& credential, qint64 at, qint64 lifetime,
                                const QByteArray& nonce) {
    Presentation p;
    p.credential = credential;
    p.issuedAt = at;
    p.expiresAt = at + lifetime;
    p.jti = QByteArray(16, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(p.jti.data()), int(p.jti.size()));
    p.nonce = nonce;
    return p;
}

} // namespace lz
