#pragma once
// Whether a document's photo may be used for the face match: a passport's DG2 is covered by
// passive authentication (its hash is in the signed SOD); the NFC credential's portrait must hash
// to the SHA-256 the issuer signed inside the credential (claim -65540); the QR credential carries
// no photo at all (a code cannot hold one); a resident ID card's WLT photo only with the reader
// vendor's decoder. Where none can be used, the screen says why and no match is offered.
#include "verify/VerificationResult.h"

#include <QByteArray>
#include <QString>

namespace lz::face {

enum class PortraitSource {
    Passport,  // DG2 after passive authentication
    NfcWallet, // the phone's portrait, its hash signed in the credential
    IdCard,    // the card's WLT photo through the vendor's decoder
    QrCode,    // none: a QR code cannot carry a photo
};

enum class PortraitProblem {
    None,
    NoPhoto,      // the document carries none (QR code; a credential without a portrait)
    NotCommitted, // the wallet sent a portrait the credential does not vouch for
    Mismatch,     // the portrait is not the one the issuer signed: not used
    NotDecodable, // no vendor decoder (ID card), or the image cannot be decoded
    NoFace,       // no face found in the photo
};
QString portraitProblemName(PortraitProblem p);

// The NFC wallet's portrait against the verified result's signed hash.
PortraitProblem checkWalletPortrait(const VerificationResult& verified, const QByteArray& jpeg);

} // namespace lz::face
