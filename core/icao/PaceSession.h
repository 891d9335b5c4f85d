#pragma once
// PACE's conversation with the chip (ICAO 9303-11 §4.4.4, generic mapping, ECDH, AES-128):
// EF.CardAccess's PACEInfo → MSE:Set AT → GENERAL AUTHENTICATE ×4 (encrypted nonce, mapping
// keys, ephemeral keys, authentication tokens) → AES session keys with a zero SSC. Both sides:
// the terminal's runPace() and the emulated chip's PaceChip.
#include "icao/Bac.h"
#include "nfc/Apdu.h"

#include <functional>
#include <optional>

namespace lz::icao {

struct PaceInfo {
    QByteArray oid;      // DER contents, e.g. 04007F00070202040202 (id-PACE-ECDH-GM-AES-CBC-CMAC-128)
    int parameterId = 0; // 12 NIST P-256, 13 brainpoolP256r1
};

// The first PACEInfo of EF.CardAccess this terminal supports (ECDH-GM-AES-128 on P-256 or
// brainpoolP256r1); nullopt if none (then BAC). Outside bytes: malformed DER is simply "none".
std::optional<PaceInfo> supportedPace(const QByteArray& cardAccess);
QByteArray encodeCardAccess(const PaceInfo& info); // SET { PACEInfo }, for the emulated chip

using PlainExchange = std::function<nfc::NfcExpected<nfc::ResponseApdu>(const nfc::CommandApdu&)>;

// Errors: pace_refused (a step answered with an error status: e.g. a wrong MRZ ends at the
// tokens), pace_malformed, pace_token_mismatch, and the transport's. random(n): n random bytes.
nfc::NfcExpected<SessionKeys> runPace(const PlainExchange& exchange, const MrzKey& key, const PaceInfo& info,
                                      const std::function<QByteArray(int)>& random);

// The chip's side, one GENERAL AUTHENTICATE step at a time (after MSE:Set AT chose the protocol).
class PaceChip {
public:
    PaceChip(MrzKey key, PaceInfo info, std::function<QByteArray(int)> random);
    // An answer (R-APDU data + SW) to MSE:Set AT or GENERAL AUTHENTICATE; keys() once done.
    nfc::ResponseApdu handle(const nfc::CommandApdu& command);
    std::optional<SessionKeys> keys() const { return m_keys; }

private:
    MrzKey m_key;
    PaceInfo m_info;
    std::function<QByteArray(int)> m_random;
    int m_step = 0;
    QByteArray m_nonce, m_mapSecret, m_mapped, m_dhSecret, m_dhPublic, m_otherDh;
    std::optional<SessionKeys> m_keys;
};

} // namespace lz::icao
