#include "crypto/Keys.h"

#include "crypto/EcdsaSignature.h"

#include "codec/Cbor.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace lz {
namespace {

// COSE key parameters (RFC 9052 section 7.1, RFC 9053 section 7).
constexpr qint64 kKty = 1, kCrv = -1, kX = -2, kY = -3;
constexpr qint64 kKtyOkp = 1, kKtyEc2 = 2, kCrvP256 = 1, kCrvEd25519 = 6;
constexpr int kCoordinate = 32;

using PkeyPtr = std::shared_ptr<evp_pkey_st>;
PkeyPtr wrap(EVP_PKEY* k) {
    return PkeyPtr(k, EVP_PKEY_free);
}

// A digest-sign/verify context; for SM2 it also owns the key context that carries the id.
struct MdCtx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    ~MdCtx() {
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_CTX_free(pctx);
    }
};

std::optional<Algorithm> detectAlgorithm(EVP_PKEY* k) {
    if (EVP_PKEY_is_a(k, "ED25519"))
        return Algorithm::EdDSA;
    if (EVP_PKEY_is_a(k, "SM2"))
        return Algorithm::SM2;
    if (EVP_PKEY_is_a(k, "EC")) {
        char group[64] = {};
        size_t len = 0;
        if (!EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len))
            return std::nullopt;
        const QByteArray g(group, qsizetype(len));
        if (g == "prime256v1" || g == "P-256")
            return Algorithm::ES256;
        if (g == "SM2")
            return Algorithm::SM2;
    }
    return std::nullopt;
}

// Uncompressed SEC1 point (04||x||y) of an EC key, or the 32 raw bytes of an Ed25519 key.
QByteArray encodedPublic(EVP_PKEY* k) {
    unsigned char buf[80];
    size_t len = sizeof buf;
    if (EVP_PKEY_is_a(k, "ED25519")) {
        if (!EVP_PKEY_get_raw_public_key(k, buf, &len))
            return {};
    } else if (!EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, buf, sizeof buf,
                                                &len)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(buf), qsizetype(len));
}

PkeyPtr ecFromParams(Algorithm alg, const QByteArray& point) {
    const char* keyType = alg == Algorithm::SM2 ? "SM2" : "EC";
    const char* group = alg == Algorithm::SM2 ? "SM2" : "prime256v1";
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr);
    if (!ctx)
        return {};
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(group), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, const_cast<char*>(point.constData()),
                                          size_t(point.size())),
        OSSL_PARAM_construct_end()};
    EVP_PKEY* k = nullptr;
    const bool ok =
        EVP_PKEY_fromdata_init(ctx) > 0 && EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_PUBLIC_KEY, params) > 0;
    EVP_PKEY_CTX_free(ctx);
    return ok ? wrap(k) : PkeyPtr{};
}

// Imports an EC public point. Building a key from parameters constructs the curve afresh
// (EC_GROUP_new_by_curve_name) each time, which was ~15 us of every verification; instead we
// keep one key per curve per thread as a template, duplicate it and set the new point, which
// OpenSSL still checks is on the curve.
PkeyPtr ecFromPoint(Algorithm alg, const QByteArray& point) {
    thread_local PkeyPtr templates[2];
    PkeyPtr& tmpl = templates[alg == Algorithm::SM2 ? 1 : 0];
    if (!tmpl)
        return tmpl = ecFromParams(alg, point);
    EVP_PKEY* k = EVP_PKEY_dup(tmpl.get());
    if (!k)
        return {};
    if (EVP_PKEY_set1_encoded_public_key(k, reinterpret_cast<const unsigned char*>(point.constData()),
                                         size_t(point.size())) != 1) {
        EVP_PKEY_free(k);
        return {};
    }
    return wrap(k);
}

// Prepares a sign or verify context. SM2 needs its distinguishing id set on the key context
// before the digest starts, because the id enters the hashed Z value (GB/T 32918.2 5.5).
bool initDigest(MdCtx& md, EVP_PKEY* key, Algorithm alg, bool forSigning) {
    const EVP_MD* digest = alg == Algorithm::ES256 ? EVP_sha256()
                           : alg == Algorithm::SM2 ? EVP_sm3()
                                                   : nullptr;
    if (alg == Algorithm::SM2) {
        md.pctx = EVP_PKEY_CTX_new(key, nullptr);
        if (!md.pctx ||
            EVP_PKEY_CTX_set1_id(md.pctx, kSm2DistinguishingId, sizeof kSm2DistinguishingId - 1) <= 0)
            return false;
        EVP_MD_CTX_set_pkey_ctx(md.ctx, md.pctx); // md.ctx borrows it; MdCtx frees both
    }
    return (forSigning ? EVP_DigestSignInit(md.ctx, nullptr, digest, nullptr, key)
                       : EVP_DigestVerifyInit(md.ctx, nullptr, digest, nullptr, key)) > 0;
}

QByteArray readBio(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, len);
    BIO_free(bio);
    return out;
}

// Reads a PEM private (PKCS#8) or public (SPKI) key and tells which algorithm it is for.
Expected<std::pair<PkeyPtr, Algorithm>> readPem(const QByteArray& pem, bool isPrivate) {
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* k = isPrivate ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr)
                            : PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    const QString kind = isPrivate ? QStringLiteral("private") : QStringLiteral("public");
    if (!k)
        return unexpected(QStringLiteral("not a PEM %1 key").arg(kind));
    auto key = wrap(k);
    const auto alg = detectAlgorithm(k);
    if (!alg)
        return unexpected(QStringLiteral("unsupported %1 key type").arg(kind));
    return std::pair{key, *alg};
}

} // namespace

Expected<PublicKey> PublicKey::fromPem(const QByteArray& pem) {
    auto key = readPem(pem, false);
    if (!key)
        return unexpected(key.error());
    return PublicKey(key->first, key->second);
}

Expected<PublicKey> PublicKey::fromCoseKey(const QCborMap& map) {
    // Only what identifies the key (kty, crv, x, y): a kid, alg or key_ops here would be a second
    // opinion about the key that no verifier acts on (docs/credential-format.md §3).
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (it.key() != QCborValue(kKty) && it.key() != QCborValue(kCrv) && it.key() != QCborValue(kX) &&
            it.key() != QCborValue(kY))
            return unexpected(
                QStringLiteral("COSE_Key: parameter %1 is not allowed").arg(it.key().toDiagnosticNotation()));
    // cbor::integer, not QCborValue::toInteger: the latter converts a float to qint64, which is
    // undefined for large values (found by fuzz_cose_cwt under UBSan).
    const qint64 kty = cbor::integer(map.value(kKty), -65536, 65535).value_or(-1);
    const qint64 crv = cbor::integer(map.value(kCrv), std::numeric_limits<qint64>::min(), 65535).value_or(0);
    const QByteArray x = map.value(kX).toByteArray();
    if (x.size() != kCoordinate)
        return unexpected(QStringLiteral("COSE_Key: x must be %1 bytes").arg(kCoordinate));
    if (kty == kKtyOkp) {
        if (crv != kCrvEd25519)
            return unexpected(QStringLiteral("COSE_Key: unsupported OKP curve %1").arg(crv));
        EVP_PKEY* k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                  reinterpret_cast<const unsigned char*>(x.constData()), 32);
        if (!k)
            return unexpected(QStringLiteral("COSE_Key: invalid Ed25519 key"));
        return PublicKey(wrap(k), Algorithm::EdDSA);
    }
    if (kty != kKtyEc2)
        return unexpected(QStringLiteral("COSE_Key: unsupported key type %1").arg(kty));
    Algorithm alg;
    if (crv == kCrvP256)
        alg = Algorithm::ES256;
    else if (crv == cose::kCurveSM2)
        alg = Algorithm::SM2;
    else
        return unexpected(QStringLiteral("COSE_Key: unsupported EC2 curve %1").arg(crv));
    const QCborValue y = map.value(kY);
    QByteArray point;
    if (y.isBool()) {
        point = QByteArray(1, y.isTrue() ? '\x03' : '\x02') + x;
    } else if (y.isByteArray() && y.toByteArray().size() == kCoordinate) {
        point = QByteArray(1, '\x04') + x + y.toByteArray();
    } else {
        return unexpected(QStringLiteral("COSE_Key: y must be a bool or %1 bytes").arg(kCoordinate));
    }
    auto key = ecFromPoint(alg, point);
    if (!key)
        return unexpected(QStringLiteral("COSE_Key: point is not on the curve"));
    return PublicKey(key, alg);
}

QByteArray PublicKey::toPem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    return readBio(bio);
}

QCborMap PublicKey::toCoseKey(bool compressPoint) const {
    QCborMap map;
    const QByteArray enc = encodedPublic(m_key.get());
    if (m_alg == Algorithm::EdDSA) {
        map.insert(kKty, kKtyOkp);
        map.insert(kCrv, kCrvEd25519);
        map.insert(kX, enc);
        return map;
    }
    map.insert(kKty, kKtyEc2);
    map.insert(kCrv, m_alg == Algorithm::SM2 ? cose::kCurveSM2 : kCrvP256);
    map.insert(kX, enc.mid(1, kCoordinate));
    if (compressPoint)
        map.insert(kY, bool(enc.at(enc.size() - 1) & 1)); // true: odd y (SEC1 prefix 03)
    else
        map.insert(kY, enc.mid(1 + kCoordinate, kCoordinate));
    return map;
}

QByteArray PublicKey::fingerprint() const {
    QByteArray enc = encodedPublic(m_key.get());
    if (m_alg != Algorithm::EdDSA && enc.size() == 1 + 2 * kCoordinate)
        enc = QByteArray(1, (enc.back() & 1) ? '\x03' : '\x02') + enc.mid(1, kCoordinate);
    return QCryptographicHash::hash(enc, QCryptographicHash::Sha256).left(8);
}

bool PublicKey::verify(QByteArrayView message, QByteArrayView rawSignature) const {
    if (!m_key || rawSignature.size() != 64)
        return false;
    MdCtx md;
    if (!initDigest(md, m_key.get(), m_alg, false))
        return false;
    const auto* msg = reinterpret_cast<const unsigned char*>(message.data());
    if (m_alg == Algorithm::EdDSA)
        return EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char*>(rawSignature.data()), 64, msg,
                                size_t(message.size())) == 1;
    const QByteArray der = ecdsa::plainToDer(rawSignature, kCoordinate);
    return !der.isEmpty() && EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char*>(der.constData()),
                                              size_t(der.size()), msg, size_t(message.size())) == 1;
}

bool PublicKey::verify(std::initializer_list<QByteArrayView> parts, QByteArrayView rawSignature) const {
    if (!m_key || rawSignature.size() != 64)
        return false;
    if (m_alg == Algorithm::EdDSA) {
        QByteArray joined;
        for (QByteArrayView p : parts)
            joined += p;
        return verify(joined, rawSignature);
    }
    MdCtx md;
    if (!initDigest(md, m_key.get(), m_alg, false))
        return false;
    for (QByteArrayView p : parts)
        if (EVP_DigestVerifyUpdate(md.ctx, p.data(), size_t(p.size())) != 1)
            return false;
    const QByteArray der = ecdsa::plainToDer(rawSignature, kCoordinate);
    return !der.isEmpty() &&
           EVP_DigestVerifyFinal(md.ctx, reinterpret_cast<const unsigned char*>(der.constData()),
                                 size_t(der.size())) == 1;
}

PrivateKey PrivateKey::generate(Algorithm alg) {
    EVP_PKEY* k = nullptr;
    switch (alg) {
    case Algorithm::ES256:
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        break;
    case Algorithm::EdDSA:
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
        break;
    case Algorithm::SM2:
        k = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2");
        break;
    }
    return k ? PrivateKey(wrap(k), alg) : PrivateKey();
}

Expected<PrivateKey> PrivateKey::fromPem(const QByteArray& pem) {
    auto key = readPem(pem, true);
    if (!key)
        return unexpected(key.error());
    return PrivateKey(key->first, key->second);
}

QByteArray PrivateKey::toPem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return readBio(bio);
}

PublicKey PrivateKey::publicKey() const {
    const QByteArray enc = encodedPublic(m_key.get());
    if (m_alg == Algorithm::EdDSA) {
        EVP_PKEY* k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                  reinterpret_cast<const unsigned char*>(enc.constData()),
                                                  size_t(enc.size()));
        return PublicKey(wrap(k), m_alg);
    }
    return PublicKey(ecFromPoint(m_alg, enc), m_alg);
}

QByteArray PrivateKey::sign(QByteArrayView message) const {
    if (!m_key)
        return {};
    MdCtx md;
    if (!initDigest(md, m_key.get(), m_alg, true))
        return {};
    const auto* msg = reinterpret_cast<const unsigned char*>(message.data());
    size_t len = 0;
    if (EVP_DigestSign(md.ctx, nullptr, &len, msg, size_t(message.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), '\0');
    auto* out = reinterpret_cast<unsigned char*>(sig.data());
    if (EVP_DigestSign(md.ctx, out, &len, msg, size_t(message.size())) != 1)
        return {};
    if (m_alg == Algorithm::EdDSA)
        return sig.left(qsizetype(len));
    return ecdsa::derToPlain(QByteArrayView(out, qsizetype(len)), kCoordinate);
}

} // namespace lz
