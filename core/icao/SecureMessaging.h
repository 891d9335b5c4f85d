#pragma once
// ICAO 9303-11 §9.8 secure messaging: every command's data encrypted into DO'87', its Le into
// DO'97', a MAC over the send sequence counter, the masked header and those objects into DO'8E';
// every response's DO'87'/DO'99' checked against its DO'8E' before anything in it is believed.
// The counter goes up before each command and each response; a response that fails its MAC ends
// the session (the caller starts over).
//   3DES (after BAC, 8-byte SSC): 3DES-CBC with IV 0, retail MAC, blocks of 8.
//   AES (after PACE, 16-byte SSC, keys of 16/24/32 bytes): AES-CBC with IV = AES(KSenc, SSC),
//   AES-CMAC truncated to 8 bytes, blocks of 16 (9303-11 §9.8.6).
#include "icao/Bac.h"
#include "nfc/Apdu.h"

namespace lz::icao {

class SecureMessaging {
public:
    explicit SecureMessaging(SessionKeys keys);

    // The protected C-APDU for a plain one (short APDUs: data ≤ 223 bytes). apdu_too_long beyond.
    nfc::NfcExpected<QByteArray> protect(const nfc::CommandApdu& command);
    // The plain R-APDU from a protected one. Errors: sm_error (a plain status word: the chip
    // refused or dropped secure messaging), sm_malformed, sm_missing_objects, sm_mac_mismatch.
    nfc::NfcExpected<nfc::ResponseApdu> unprotect(const QByteArray& rapdu);

    // The chip's side (the emulated passport): a protected command in, the plain one out
    // (sm_malformed, sm_missing_objects, sm_mac_mismatch); a plain response in, protected out.
    nfc::NfcExpected<nfc::CommandApdu> unprotectCommand(const QByteArray& capdu);
    QByteArray protectResponse(const nfc::ResponseApdu& response);

    const QByteArray& ssc() const { return m_keys.ssc; }

private:
    void increment();
    bool aes() const { return m_keys.ssc.size() == 16; }
    int block() const { return aes() ? 16 : 8; }
    QByteArray encrypt(const QByteArray& padded) const;
    QByteArray decrypt(const QByteArray& data) const;
    QByteArray mac(const QByteArray& data) const; // over unpadded data: pads, then MACs
    nfc::NfcExpected<QByteArray> decryptData(const QByteArray& do87Value) const; // indicator 01 + blocks

    SessionKeys m_keys;
};

} // namespace lz::icao
