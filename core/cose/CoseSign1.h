#pragma once
// COSE_Sign1 (RFC 9052 section 4.2): the signed envelope of credentials, presentations and
// trust lists. Decoding keeps the protected header's exact bytes, because the signature is
// over them (Sig_structure, section 4.4), not over a re-encoding.
#include "crypto/Keys.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QCborMap>
#include <optional>

namespace lz {

struct CoseSign1 {
    static constexpr quint64 kTag = 18;
    static constexpr qint64 kHeaderAlg = 1;
    static constexpr qint64 kHeaderCrit = 2;
    static constexpr qint64 kHeaderContentType = 3;
    static constexpr qint64 kHeaderKid = 4;

    QByteArray protectedBytes; // the serialized protected header map (may be empty)
    QCborMap protectedHeader;
    QCborMap unprotectedHeader;
    QByteArray payload;
    QByteArray signature;
    bool tagged = false; // as decoded; encode() always tags

    static constexpr qsizetype kMaxKidSize = 32;
    static constexpr qsizetype kSignatureSize = 64; // ES256 and SM2 r||s, Ed25519 R||S

    // The kid names an issuer or anchor key (credential, trust list); a presentation has none
    // (its key is the credential's cnf).
    enum class KidRule { Required, Forbidden };

    // Strict (docs/credential-format.md §2, "Envelope"): preferred serialization, tag 18, an empty
    // unprotected header, a protected header holding alg (ES256, EdDSA or SM2) and, by kidRule, a
    // kid of 1..32 bytes and nothing else (crit included: no extension is understood yet), a
    // 64-byte signature, no detached payload. Streams through the input so that a trust list of
    // tens of megabytes is copied once, not per layer.
    static Expected<CoseSign1> decode(const QByteArray& cbor, KidRule kidRule = KidRule::Required);
    // RFC 9052 as such (tag optional, any header parameters): for the RFC's own examples and for
    // tools that show what they were given. Never for a verdict.
    static Expected<CoseSign1> parse(const QByteArray& cbor);
    // Signs payload with key; alg and kid go into the protected header.
    static CoseSign1 sign(const PrivateKey& key, const QByteArray& kid, const QByteArray& payload);

    QByteArray encode() const; // tagged COSE_Sign1
    std::optional<qint64> algorithmId() const;
    QByteArray keyId() const; // the protected kid (an unprotected one is not trusted)
    QByteArray toBeSigned(QByteArrayView externalAad = {}) const;
    // Sig_structure without the payload (which follows it directly): verification streams the
    // payload into the digest instead of building a second copy of it.
    QByteArray toBeSignedPrefix(QByteArrayView externalAad = {}) const;
    // True when the header's alg matches the key and the signature verifies.
    bool verify(const PublicKey& key, QByteArrayView externalAad = {}) const;
};

} // namespace lz
