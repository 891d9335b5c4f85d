#include "icao/Bac.h"

#include <memory>
#include <openssl/evp.h>

namespace lz::icao {

namespace {
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray run(const EVP_CIPHER* cipher, const QByteArray& key, const QByteArray& data, bool encrypt) {
    if (data.size() % 8 != 0)
        return {};
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    const unsigned char iv[8] = {};
    if (!ctx ||
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()),
                          iv, encrypt ? 1 : 0) != 1)
        return {};
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    QByteArray out(data.size() + 8, '\0');
    int n = 0, m = 0;
    if (EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                         reinterpret_cast<const unsigned char*>(data.constData()), int(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &m) != 1)
        return {};
    out.resize(n + m);
    return out;
}

QByteArray xor8(const QByteArray& a, const QByteArray& b) {
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = char(a[i] ^ b[i]);
    return out;
}
} // namespace

QByteArray sha1(const QByteArray& data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), md, &n, EVP_sha1(), nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(md), int(n));
}

QByteArray withDesParity(QByteArray key) {
    for (char& c : key) {
        quint8 b = quint8(c) & 0xFE;
        b |= (__builtin_popcount(b) % 2 == 0) ? 1 : 0; // odd parity
        c = char(b);
    }
    return key;
}

QByteArray deriveDesKey(const QByteArray& seed, quint32 counter) {
    QByteArray d = seed;
    for (int shift = 24; shift >= 0; shift -= 8)
        d += char((counter >> shift) & 0xFF);
    return withDesParity(sha1(d).left(16));
}

QByteArray padIso9797(const QByteArray& data, int block) {
    QByteArray out = data;
    out += char(0x80);
    while (out.size() % block)
        out += '\0';
    return out;
}

std::optional<QByteArray> unpadIso9797(const QByteArray& data) {
    qsizetype i = data.size() - 1;
    while (i >= 0 && data[i] == '\0')
        --i;
    if (i < 0 || quint8(data[i]) != 0x80)
        return std::nullopt;
    return data.left(i);
}

QByteArray tdesCbc(const QByteArray& key16, const QByteArray& data, bool encrypt) {
    return key16.size() == 16 ? run(EVP_des_ede_cbc(), key16, data, encrypt) : QByteArray();
}

QByteArray retailMac(const QByteArray& key16, const QByteArray& padded) {
    if (key16.size() != 16 || padded.isEmpty() || padded.size() % 8)
        return {};
    const QByteArray ka = key16.left(8);
    // Single-DES CBC with Ka over all blocks but the last (Ka ‖ Ka as two-key 3DES is single DES),
    QByteArray h(8, '\0');
    if (padded.size() > 8)
        h = run(EVP_des_ede_cbc(), ka + ka, padded.left(padded.size() - 8), true).right(8);
    // then the last block through E(Ka)·D(Kb)·E(Ka), which is two-key 3DES.
    return run(EVP_des_ede_ecb(), key16, xor8(h, padded.right(8)), true);
}

Bac::Bac(const MrzKey& key) {
    const QByteArray seed = sha1(key.information()).left(16);
    m_kEnc = deriveDesKey(seed, 1);
    m_kMac = deriveDesKey(seed, 2);
}

Bac::Bac(QByteArray kEnc, QByteArray kMac)
    : m_kEnc(std::move(kEnc))
    , m_kMac(std::move(kMac)) {}

QByteArray Bac::authenticationData(const QByteArray& rndIc, const QByteArray& rndIfd,
                                   const QByteArray& kIfd) const {
    const QByteArray e = tdesCbc(m_kEnc, rndIfd + rndIc + kIfd, true);
    return e + retailMac(m_kMac, padIso9797(e));
}

nfc::NfcExpected<SessionKeys> Bac::complete(const QByteArray& answer, const QByteArray& rndIc,
                                            const QByteArray& rndIfd, const QByteArray& kIfd) const {
    if (answer.size() != 40)
        return nfc::nfcError(nfc::NfcCode::BacMalformed, QStringLiteral("%1-byte answer").arg(answer.size()));
    const QByteArray e = answer.left(32);
    if (retailMac(m_kMac, padIso9797(e)) != answer.mid(32))
        return nfc::nfcError(nfc::NfcCode::BacMacMismatch,
                             QStringLiteral("the chip does not know this MRZ's key"));
    const QByteArray r = tdesCbc(m_kEnc, e, false);
    if (r.mid(0, 8) != rndIc || r.mid(8, 8) != rndIfd)
        return nfc::nfcError(nfc::NfcCode::BacNonceMismatch,
                             QStringLiteral("the chip's answer is not for this challenge"));
    QByteArray seed(16, '\0');
    const QByteArray kIc = r.mid(16, 16);
    for (int i = 0; i < 16; ++i)
        seed[i] = char(kIfd[i] ^ kIc[i]);
    return SessionKeys{deriveDesKey(seed, 1), deriveDesKey(seed, 2), rndIc.right(4) + rndIfd.right(4)};
}

} // namespace lz::icao
