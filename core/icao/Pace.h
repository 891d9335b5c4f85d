#pragma once
// PACE with generic mapping over ECDH (ICAO 9303-11 §4.4, §9.7; id-PACE-ECDH-GM-AES-CBC-CMAC-128)
// — the arithmetic, checked against the worked example of Appendix G.1 (brainpoolP256r1). The
// chip conversation (MSE:Set AT, the four GENERAL AUTHENTICATE steps) and AES secure messaging
// build on it. OpenSSL 3's EC_GROUP/EC_POINT/BIGNUM (not deprecated; EC_KEY is) and EVP_MAC CMAC.
#include "icao/Mrz.h"

#include <QByteArray>
#include <memory>

struct ec_group_st;

namespace lz::icao {

// K = SHA-1(MRZ_information); K_π = KDF(K, 3); KDF for AES-128: SHA-1(K ‖ counter)[0..15].
QByteArray paceKdfAes128(const QByteArray& secret, quint32 counter);
QByteArray pacePasswordKey(const MrzKey& key);
QByteArray aes128CbcDecrypt(const QByteArray& key, const QByteArray& data); // IV zero, no padding
QByteArray aesCmac(const QByteArray& key, const QByteArray& data);          // full 16 bytes
// AES (key of 16, 24 or 32 bytes): one block encrypted (ECB), and CBC without padding.
QByteArray aesEcbBlock(const QByteArray& key, const QByteArray& block16);
QByteArray aesCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data, bool encrypt);

// One of the standardized domain parameters (9303-11 Table 6): 12 = NIST P-256, 13 = brainpoolP256r1.
class PaceCurve {
public:
    static std::unique_ptr<PaceCurve> forParameterId(int id); // null if not supported
    ~PaceCurve();
    int byteSize() const { return 32; }
    // Points are uncompressed 04 ‖ x ‖ y. Empty results mean invalid input (not on the curve,
    // the point at infinity, a scalar out of range).
    QByteArray publicKey(const QByteArray& generator, const QByteArray& secret) const; // secret·generator
    QByteArray generator() const;
    // Generic mapping: Ĝ = s·G + H, with H = SK_map · PK_map(other side).
    QByteArray mapGenerator(const QByteArray& nonce, const QByteArray& mapSecret,
                            const QByteArray& otherMapPublic) const;
    // x coordinate of secret·otherPublic (the shared secret K).
    QByteArray sharedSecret(const QByteArray& secret, const QByteArray& otherPublic) const;

private:
    explicit PaceCurve(ec_group_st* group);
    ec_group_st* m_group;
};

// The authentication token (9303-11 §4.4.3.4): CMAC(KSmac, 7F49 {06 OID, 86 other's public point})
// truncated to 8 bytes. `oid` is the protocol OID's DER contents (e.g. 04007F00070202040202).
QByteArray paceAuthToken(const QByteArray& ksMac, const QByteArray& oid, const QByteArray& otherPublic);

} // namespace lz::icao
