#pragma once
// The e-ID wallet's NFC application, as both sides speak it (docs/nfc-credential.md):
//   SELECT by AID            00 A4 04 00 06 F04C5A494401 00  → app info (CBOR) 90 00
//   SIGN CHALLENGE           80 2A 00 00 Lc <challenge> 00   → presentation, 61XX while more waits
//   GET RESPONSE             00 C0 00 00 XX                  → next part of the presentation
//   READ PORTRAIT            80 B0 <offset> XX               → the holder's portrait JPEG from
//                            offset (after a challenge was answered; its hash is signed in the
//                            credential: docs/nfc-credential.md "The portrait")
// The answer to the challenge is a presentation (COSE_Sign1 by the holder's device key, the key
// bound in the credential's cnf) carrying the terminal's nonce and id; it embeds the issuer
// credential, which is therefore not read separately (it would cross the air twice).
#include "nfc/NfcError.h"

#include <QByteArray>
#include <QString>

namespace lz::nfc::wallet {

// Proprietary AID: category F0 (ISO/IEC 7816-5: no registration needed) + "LZID" + version 01.
// A registered RID would be applied for through the national e-ID programme before deployment.
inline QByteArray aid() {
    return QByteArray::fromHex("F04C5A494401");
}
constexpr quint8 kClaProprietary = 0x80;
constexpr quint8 kInsSignChallenge = 0x2A;
constexpr quint8 kInsGetResponse = 0xC0;
constexpr quint8 kInsSelect = 0xA4;
constexpr quint8 kInsReadPortrait = 0xB0;
constexpr int kVersion = 1;
constexpr int kNonceBytes = 16;
constexpr int kMaxPresentationBytes = 16 * 1024; // a presentation is ~0.7 KB; refuse a flood
constexpr int kChunk = 256;                      // short-APDU maximum per response
constexpr int kMaxPortraitBytes = 16 * 1024;     // the portrait's budget (a JPEG of ~300×370)
// Application-info key (extension range: a terminal that does not match faces ignores it).
constexpr qint64 kAppInfoPortraitBytes = -66001;

struct AppInfo {
    int version = kVersion;
    int portraitBytes = 0;     // the portrait's size, 0: the wallet holds none
    QByteArray encode() const; // CBOR {1: version[, -66001: portrait size]}
    static NfcExpected<AppInfo> decode(const QByteArray& bytes);
};

struct Challenge {
    QByteArray nonce;   // kNonceBytes fresh random bytes
    QString terminalId; // the presentation's audience
    qint64 time = 0;    // terminal's clock, seconds since the epoch (the phone signs iat = time)

    static Challenge make(const QString& terminalId, qint64 now);
    QByteArray encode() const; // CBOR {1: nonce, 2: terminal id, 3: time}
    static NfcExpected<Challenge> decode(const QByteArray& bytes);
};

} // namespace lz::nfc::wallet
