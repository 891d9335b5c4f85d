#pragma once
// ICAO 9303-11 §9.8 secure messaging with 3DES session keys (after BAC): every command's data
// encrypted into DO'87', its Le into DO'97', a retail MAC over the send sequence counter, the
// masked header and those objects into DO'8E'; every response's DO'87'/DO'99' checked against
// its DO'8E' before anything in it is believed. The counter goes up before each command and
// each response; a response that fails its MAC ends the session (the caller starts over).
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

    const QByteArray& ssc() const { return m_keys.ssc; }

private:
    void increment();

    SessionKeys m_keys;
};

} // namespace lz::icao
