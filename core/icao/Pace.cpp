#include "icao/Pace.h"

#include "icao/Bac.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>

namespace lz::icao {

namespace {
using Bn = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using Point = std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)>;
using BnCtx = std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)>;

Bn bn(const QByteArray& b) {
    return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(b.constData()), int(b.size()), nullptr),
              BN_free);
}

Point point(const EC_GROUP* g, const QByteArray& b, BN_CTX* ctx) {
    Point p(EC_POINT_new(g), EC_POINT_free);
    if (!p || b.isEmpty() ||
        EC_POINT_oct2point(g, p.get(), reinterpret_cast<const unsigned char*>(b.constData()),
                           size_t(b.size()), ctx) != 1 ||
        EC_POINT_is_at_infinity(g, p.get()) || EC_POINT_is_on_curve(g, p.get(), ctx) != 1)
        return Point(nullptr, EC_POINT_free);
    return p;
}

QByteArray encode(const EC_GROUP* g, const EC_POINT* p, BN_CTX* ctx) {
    if (!p || EC_POINT_is_at_infinity(g, p))
        return {};
    QByteArray out(65, '\0');
    const size_t n =
        EC_POINT_point2oct(g, p, POINT_CONVERSION_UNCOMPRESSED, reinterpret_cast<unsigned char*>(out.data()),
                           size_t(out.size()), ctx);
    out.resize(qsizetype(n));
    return out;
}

bool scalarInRange(const EC_GROUP* g, const BIGNUM* k) {
    return k && !BN_is_zero(k) && BN_cmp(k, EC_GROUP_get0_order(g)) < 0;
}

QByteArray lengthOf(qsizetype n) {
    return n < 128 ? QByteArray(1, char(n)) : QByteArray(1, char(0x81)) + char(n);
}
} // namespace

QByteArray paceKdfAes128(const QByteArray& secret, quint32 counter) {
    QByteArray d = secret;
    for (int shift = 24; shift >= 0; shift -= 8)
        d += char((counter >> shift) & 0xFF);
    return sha1(d).left(16);
}

QByteArray pacePasswordKey(const MrzKey& key) {
    return paceKdfAes128(sha1(key.information()), 3);
}

QByteArray aesCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data, bool encrypt) {
    const EVP_CIPHER* cipher = key.size() == 16   ? EVP_aes_128_cbc()
                               : key.size() == 24 ? EVP_aes_192_cbc()
                               : key.size() == 32 ? EVP_aes_256_cbc()
                                                  : nullptr;
    if (!cipher || iv.size() != 16 || data.isEmpty() || data.size() % 16)
        return {};
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    QByteArray out(data.size() + 16, '\0');
    int n = 0, m = 0;
    if (!ctx ||
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()),
                          reinterpret_cast<const unsigned char*>(iv.constData()), encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                         reinterpret_cast<const unsigned char*>(data.constData()), int(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &m) != 1)
        return {};
    out.resize(n + m);
    return out;
}

QByteArray aesEcbBlock(const QByteArray& key, const QByteArray& block16) {
    // One block of CBC with a zero IV is the block cipher itself.
    return aesCbc(key, QByteArray(16, '\0'), block16, true);
}

QByteArray aes128CbcDecrypt(const QByteArray& key, const QByteArray& data) {
    return key.size() == 16 ? aesCbc(key, QByteArray(16, '\0'), data, false) : QByteArray();
}

QByteArray aesCmac(const QByteArray& key, const QByteArray& data) {
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr),
                                                          EVP_MAC_free);
    if (!mac)
        return {};
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()),
                                                                  EVP_MAC_CTX_free);
    const char* cipher = key.size() == 16 ? "AES-128-CBC" : key.size() == 24 ? "AES-192-CBC" : "AES-256-CBC";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipher), 0),
        OSSL_PARAM_construct_end()};
    unsigned char out[16];
    size_t n = 0;
    if (!ctx ||
        EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()),
                     params) != 1 ||
        EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.constData()),
                       size_t(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), out, &n, sizeof out) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), int(n));
}

std::unique_ptr<PaceCurve> PaceCurve::forParameterId(int id) {
    const int nid = id == 12 ? NID_X9_62_prime256v1 : id == 13 ? NID_brainpoolP256r1 : NID_undef;
    if (nid == NID_undef)
        return nullptr;
    EC_GROUP* g = EC_GROUP_new_by_curve_name(nid);
    return g ? std::unique_ptr<PaceCurve>(new PaceCurve(g)) : nullptr;
}

PaceCurve::PaceCurve(ec_group_st* group)
    : m_group(group) {}

PaceCurve::~PaceCurve() {
    EC_GROUP_free(m_group);
}

QByteArray PaceCurve::generator() const {
    BnCtx ctx(BN_CTX_new(), BN_CTX_free);
    return encode(m_group, EC_GROUP_get0_generator(m_group), ctx.get());
}

QByteArray PaceCurve::publicKey(const QByteArray& generatorBytes, const QByteArray& secret) const {
    BnCtx ctx(BN_CTX_new(), BN_CTX_free);
    Point g = point(m_group, generatorBytes, ctx.get());
    Bn k = bn(secret);
    Point out(EC_POINT_new(m_group), EC_POINT_free);
    if (!g || !scalarInRange(m_group, k.get()) || !out ||
        EC_POINT_mul(m_group, out.get(), nullptr, g.get(), k.get(), ctx.get()) != 1)
        return {};
    return encode(m_group, out.get(), ctx.get());
}

QByteArray PaceCurve::mapGenerator(const QByteArray& nonce, const QByteArray& mapSecret,
                                   const QByteArray& otherMapPublic) const {
    BnCtx ctx(BN_CTX_new(), BN_CTX_free);
    Point other = point(m_group, otherMapPublic, ctx.get());
    Bn sk = bn(mapSecret), s = bn(nonce), one(BN_new(), BN_free);
    Point h(EC_POINT_new(m_group), EC_POINT_free), mapped(EC_POINT_new(m_group), EC_POINT_free);
    if (!other || !scalarInRange(m_group, sk.get()) || !s || !one || !BN_one(one.get()) || !h || !mapped ||
        EC_POINT_mul(m_group, h.get(), nullptr, other.get(), sk.get(), ctx.get()) != 1 ||
        EC_POINT_mul(m_group, mapped.get(), s.get(), h.get(), one.get(), ctx.get()) != 1) // s·G + 1·H
        return {};
    return encode(m_group, mapped.get(), ctx.get());
}

QByteArray PaceCurve::sharedSecret(const QByteArray& secret, const QByteArray& otherPublic) const {
    BnCtx ctx(BN_CTX_new(), BN_CTX_free);
    Point other = point(m_group, otherPublic, ctx.get());
    Bn k = bn(secret);
    Point out(EC_POINT_new(m_group), EC_POINT_free);
    if (!other || !scalarInRange(m_group, k.get()) || !out ||
        EC_POINT_mul(m_group, out.get(), nullptr, other.get(), k.get(), ctx.get()) != 1)
        return {};
    const QByteArray p = encode(m_group, out.get(), ctx.get());
    return p.size() == 65 ? p.mid(1, 32) : QByteArray();
}

QByteArray paceAuthToken(const QByteArray& ksMac, const QByteArray& oid, const QByteArray& otherPublic) {
    const QByteArray oidDo = QByteArray(1, '\x06') + lengthOf(oid.size()) + oid;
    const QByteArray pointDo = QByteArray(1, char(0x86)) + lengthOf(otherPublic.size()) + otherPublic;
    const QByteArray body = oidDo + pointDo;
    const QByteArray input = QByteArray::fromHex("7F49") + lengthOf(body.size()) + body;
    return aesCmac(ksMac, input).left(8);
}

} // namespace lz::icao
