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

enum class PortraitProblem {
    None,
    NoPhoto,      // the wallet sent none
    NotCommitted, // the wallet sent a portrait the credential does not vouch for
    Mismatch,     // the portrait is not the one the issuer signed: not used
};
QString portraitProblemName(PortraitProblem p);

// Why a registrable guest is offered no face check (the screen says it in words).
enum class FaceUnavailable {
    NoPhoto,        // the document carries none (a QR code cannot)
    PhotoNotSigned, // the phone's portrait is not the one the issuer signed
    PhotoNotRead,   // the phone's portrait could not be read (lifted, broken)
    PhotoUnusable,  // the chip's or card's photo could not be decoded (said beside the rows)
    ModelsMissing,  // the terminal's face models did not load
};

// The NFC wallet's portrait against the verified result's signed hash.
PortraitProblem checkWalletPortrait(const VerificationResult& verified, const QByteArray& jpeg);

} // namespace lz::face
