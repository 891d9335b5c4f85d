#pragma once
// The signature algorithms a credential, a presentation or a trust list may use, and their
// COSE identifiers. SM2-with-SM3 has no IANA COSE id; we use a private-use value (below
// -65536, RFC 9052 section 16.4) documented in docs/credential-format.md.
#include <QString>
#include <optional>

namespace lz {

enum class Algorithm { ES256, EdDSA, SM2 };

namespace cose {
inline constexpr qint64 kAlgES256 = -7;
inline constexpr qint64 kAlgEdDSA = -8;
inline constexpr qint64 kAlgSM2SM3 = -65537; // private use: SM2 signature over SM3, raw r||s
inline constexpr qint64 kCurveSM2 = -65537;  // private use: the SM2 curve (GB/T 32918.5)
} // namespace cose

qint64 coseAlgorithmId(Algorithm alg);
std::optional<Algorithm> algorithmFromCoseId(qint64 id);
QString algorithmName(Algorithm alg); // "ES256", "EdDSA", "SM2"
std::optional<Algorithm> algorithmFromName(const QString& name);

// SM2 user identity used for every SM2 signature (GB/T 32918.2 / GM/T 0009 default).
inline constexpr char kSm2DistinguishingId[] = "1234567812345678";

} // namespace lz
