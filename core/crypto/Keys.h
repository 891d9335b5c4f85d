#pragma once
// Public and private signing keys for ES256, EdDSA and SM2, held as OpenSSL EVP_PKEYs.
// OpenSSL's headers stay in the .cpp; signatures cross this API in COSE's raw form
// (r||s, 64 bytes, for ECDSA and SM2; the 64-byte Ed25519 signature).
#include "crypto/Algorithm.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QCborMap>
#include <memory>

struct evp_pkey_st;

namespace lz {

class PublicKey {
public:
    PublicKey() = default;
    static Expected<PublicKey> fromPem(const QByteArray& pem);
    // COSE_Key (RFC 9052 section 7): OKP/Ed25519, EC2/P-256, EC2/SM2 (private-use crv);
    // EC2 keys may carry y as a bool (point compression, RFC 9053 section 7.1.1).
    static Expected<PublicKey> fromCoseKey(const QCborMap& key);

    bool isNull() const { return !m_key; }
    Algorithm algorithm() const { return m_alg; }
    QByteArray toPem() const;
    QCborMap toCoseKey(bool compressPoint = true) const;
    // Stable identifier: the first 8 bytes of SHA-256 over the compressed public point / raw key.
    QByteArray fingerprint() const;

    bool verify(QByteArrayView message, QByteArrayView rawSignature) const;
    // The message given in two consecutive parts, hashed without joining them (ECDSA, SM2);
    // EdDSA signs the whole message in one pass, so its parts are joined.
    bool verify(std::initializer_list<QByteArrayView> parts, QByteArrayView rawSignature) const;

private:
    friend class PrivateKey;
    PublicKey(std::shared_ptr<evp_pkey_st> key, Algorithm alg)
        : m_key(std::move(key))
        , m_alg(alg) {}
    std::shared_ptr<evp_pkey_st> m_key;
    Algorithm m_alg = Algorithm::ES256;
};

class PrivateKey {
public:
    PrivateKey() = default;
    static PrivateKey generate(Algorithm alg);
    static Expected<PrivateKey> fromPem(const QByteArray& pem);

    bool isNull() const { return !m_key; }
    Algorithm algorithm() const { return m_alg; }
    QByteArray toPem() const; // PKCS#8
    PublicKey publicKey() const;
    QByteArray sign(QByteArrayView message) const; // empty on failure

private:
    PrivateKey(std::shared_ptr<evp_pkey_st> key, Algorithm alg)
        : m_key(std::move(key))
        , m_alg(alg) {}
    std::shared_ptr<evp_pkey_st> m_key;
    Algorithm m_alg = Algorithm::ES256;
};

} // namespace lz
