#pragma once
#include "nfc/NfcError.h"
// Basic Access Control (ICAO 9303-11 §4.3, Appendix D): the document keys from the MRZ, the
// mutual authentication, and the session keys with their send sequence counter. 3DES (two-key)
// and ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with padding method 2, through OpenSSL 3's
// default provider: single DES is only in its legacy provider, so single-DES steps are done as
// two-key 3DES with both halves equal (which is single DES).
#include "icao/Mrz.h"

#include <QByteArray>
#include <optional>

namespace lz::icao {

QByteArray sha1(const QByteArray& data);
// ICAO 9303-11 §9.7.1: SHA-1(seed ‖ counter) truncated to 16 bytes, with DES parity bits set.
QByteArray deriveDesKey(const QByteArray& seed, quint32 counter);
QByteArray withDesParity(QByteArray key);
QByteArray padIso9797(const QByteArray& data, int block = 8);   // method 2: 80 00 … to a block
std::optional<QByteArray> unpadIso9797(const QByteArray& data); // nullopt if the padding is wrong
// Two-key 3DES-CBC, IV zero, no padding (data a multiple of 8); empty on failure.
QByteArray tdesCbc(const QByteArray& key16, const QByteArray& data, bool encrypt);
// Retail MAC over already padded data (a multiple of 8): 8 bytes.
QByteArray retailMac(const QByteArray& key16, const QByteArray& padded);

struct SessionKeys {
    QByteArray enc, mac; // 16 bytes each (3DES)
    QByteArray ssc;      // 8 bytes, the send sequence counter as established
};

class Bac {
public:
    // Kenc and Kmac from the MRZ's access key.
    explicit Bac(const MrzKey& key);
    Bac(QByteArray kEnc, QByteArray kMac);
    const QByteArray& kEnc() const { return m_kEnc; }
    const QByteArray& kMac() const { return m_kMac; }

    // EXTERNAL AUTHENTICATE's 40-byte data: E_IFD ‖ M_IFD over RND.IFD ‖ RND.IC ‖ K.IFD.
    QByteArray authenticationData(const QByteArray& rndIc, const QByteArray& rndIfd,
                                  const QByteArray& kIfd) const;
    // The chip's answer (E_IC ‖ M_IC): its MAC, our RND.IFD echoed, then the session keys.
    // Errors: bac_malformed, bac_mac_mismatch, bac_nonce_mismatch.
    nfc::NfcExpected<SessionKeys> complete(const QByteArray& answer, const QByteArray& rndIc,
                                           const QByteArray& rndIfd, const QByteArray& kIfd) const;

private:
    QByteArray m_kEnc, m_kMac;
};

} // namespace lz::icao
