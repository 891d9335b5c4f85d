#pragma once
// The terminal's side of the wallet protocol (WalletProtocol.h): select the application, send
// a fresh challenge, collect the signed presentation. Knows nothing of readers: it is given a
// function that exchanges one APDU (libnfc through the helper process in the terminal, the
// applet directly in tests and fuzzing). The Verifier decides on the presentation afterwards.
#include "nfc/WalletProtocol.h"

#include <functional>
#include <optional>

namespace lz::nfc {

using Transceive = std::function<NfcExpected<QByteArray>(const QByteArray& capdu)>;

struct WalletRead {
    QByteArray presentation; // COSE_Sign1 bytes, for Verifier::verifyPresentation
    // The holder's portrait JPEG, when asked for and the wallet has one; its hash is checked
    // against the verified credential's (checkPortrait), never trusted as read.
    QByteArray portrait;
    std::optional<NfcError> portraitProblem; // the portrait could not be read (the rest stands)
    int apdus = 0;                           // round trips used
    qint64 bytesSent = 0, bytesReceived = 0;
};

// SELECT, SIGN CHALLENGE, GET RESPONSE while the wallet says 61XX. A full verification of a
// ~0.7 KB presentation takes 1 + ceil(size / 256) round trips (4 for the demo holders).
// withPortrait: after the answer, read the holder's portrait (READ PORTRAIT, 256 bytes per round
// trip) if the wallet announces one — only where the venue offers the face check.
NfcExpected<WalletRead> readWallet(const Transceive& transceive, const wallet::Challenge& challenge,
                                   bool withPortrait = false);

} // namespace lz::nfc
