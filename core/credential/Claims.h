#pragma once
// Claim keys of the credential formats (docs/credential-format.md). Standard CWT keys come
// from RFC 8392 and RFC 8747; ours sit in CWT's private-use range (below -65536).
#include <QtGlobal>

namespace lz::claims {

inline constexpr qint64 kIss = 1, kAud = 3, kExp = 4, kNbf = 5, kIat = 6, kCti = 7, kCnf = 8;
inline constexpr qint64 kCnfCoseKey = 1;      // cnf: {1: COSE_Key} (RFC 8747 section 3.2)
inline constexpr qint64 kDocument = -65537;   // credential: the document claims map
inline constexpr qint64 kCredential = -65538; // presentation: the issuer credential (COSE_Sign1 bytes)
inline constexpr qint64 kNonce = -65539;      // presentation: verifier nonce (NFC challenge)
// Reserved now so that it arrives as an extension, not a break (docs/credential-format.md §4a):
// SHA-256 of the holder's portrait JPEG (read over NFC), signed by the issuer, for the face match.
inline constexpr qint64 kPortraitHash = -65540;
// The extension range: claims an older terminal does not know are ignored there (if well-formed
// CBOR); anywhere else an unknown claim is `malformed`. A claim that must be understood is never
// put here — it needs a new format version (LZ2:).
inline constexpr qint64 kExtensionFirst = -66999, kExtensionLast = -66000;
inline bool isExtension(qint64 key) {
    return key >= kExtensionFirst && key <= kExtensionLast;
}

// Keys inside the document claims map.
namespace doc {
inline constexpr qint64 kKind = 1, kLevel = 2, kName = 3, kSex = 4, kEthnicity = 5, kBirthDate = 6,
                        kNumber = 7, kAddress = 8, kNameLatin = 9;
}

inline constexpr qsizetype kCredentialIdSize = 8; // 64-bit random serial, unique per issuer
inline constexpr qsizetype kMaxJtiSize = 32;
inline constexpr qsizetype kMaxNonceSize = 64;
inline constexpr qint64 kMaxPresentationLifetime = 300; // seconds, exp - iat

} // namespace lz::claims
