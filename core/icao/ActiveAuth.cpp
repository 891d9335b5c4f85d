#include "icao/ActiveAuth.h"

#include "crypto/EcdsaSignature.h"
#include "crypto/OpenSslPtr.h"
#include "icao/Tlv.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <array>

namespace lz::icao {
namespace {

using KeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using CtxPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using BioPtr = OpenSslPtr<BIO, BIO_free_all>;

// id-AA, 2.23.136.1.1.5; ecdsa-plain-SHA* (BSI TR-03111), 0.4.0.127.0.7.1.1.4.1.{1..5}
const QByteArray kIdAa = QByteArray::fromHex("678108010105");
const QByteArray kEcdsaPlain = QByteArray::fromHex("04007F000701010401");
constexpr std::array<const char*, 5> kPlainHashes{"SHA1", "SHA224", "SHA256", "SHA384", "SHA512"};

Expected<KeyPtr> publicKey(const QByteArray& dg15) {
    auto top = Tlv::parse(dg15);
    if (!top || top->tag != 0x6F)
        return unexpected(QStringLiteral("aa_key_malformed: DG15 is not one object of tag 6F"));
    const auto* p = reinterpret_cast<const unsigned char*>(top->value.constData());
    KeyPtr key(d2i_PUBKEY(nullptr, &p, long(top->value.size())));
    if (!key || p != reinterpret_cast<const unsigned char*>(top->value.constData()) + top->value.size())
        return unexpected(QStringLiteral("aa_key_malformed: DG15 holds no SubjectPublicKeyInfo"));
    const int id = EVP_PKEY_get_base_id(key.get());
    if (id != EVP_PKEY_EC && id != EVP_PKEY_RSA)
        return unexpected(QStringLiteral("aa_key_malformed: neither an EC nor an RSA key"));
    return key;
}

QByteArray digest(const char* hash, const QByteArray& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), out, &n, EVP_get_digestbyname(hash), nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), int(n));
}

// ISO/IEC 9796-2 scheme 1 (partial recovery): F = 6A || M1 || H(M1 || M2) || trailer.
Expected<void> verifyRsa(EVP_PKEY* key, const ActiveAuthExchange& x) {
    CtxPtr ctx(EVP_PKEY_CTX_new(key, nullptr));
    QByteArray f(EVP_PKEY_get_size(key), '\0');
    size_t n = size_t(f.size());
    if (!ctx || EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
        EVP_PKEY_verify_recover(ctx.get(), reinterpret_cast<unsigned char*>(f.data()), &n,
                                reinterpret_cast<const unsigned char*>(x.signature.constData()),
                                size_t(x.signature.size())) != 1)
        return unexpected(QStringLiteral("aa_signature_invalid: not an RSA signature of this key"));
    f.truncate(qsizetype(n));
    // 6A: scheme 1 with partial recovery, the challenge (M2) not in the block (9303-11 §6.1).
    if (f.size() < 24 || quint8(f[0]) != 0x6A)
        return unexpected(QStringLiteral("aa_signature_invalid: no ISO 9796-2 partial-recovery header"));
    const char* hash = nullptr;
    int trailer = 1;
    if (quint8(f.back()) == 0xBC) {
        hash = "SHA1";
    } else if (quint8(f.back()) == 0xCC) {
        trailer = 2;
        switch (quint8(f[f.size() - 2])) {
        case 0x33:
            hash = "SHA1";
            break;
        case 0x34:
            hash = "SHA256";
            break;
        case 0x35:
            hash = "SHA512";
            break;
        case 0x36:
            hash = "SHA384";
            break;
        case 0x38:
            hash = "SHA224";
            break;
        default:
            break;
        }
    }
    if (!hash)
        return unexpected(QStringLiteral("aa_signature_invalid: unknown ISO 9796-2 trailer"));
    const int hashSize = int(digest(hash, {}).size());
    if (hashSize == 0) // no hash: never a pass
        return unexpected(QStringLiteral("aa_signature_invalid: hash unavailable"));
    const qsizetype m1Size = f.size() - 1 - hashSize - trailer;
    if (m1Size < 0)
        return unexpected(QStringLiteral("aa_signature_invalid: too short"));
    const QByteArray m1 = f.mid(1, m1Size), d = f.mid(1 + m1Size, hashSize);
    if (digest(hash, m1 + x.challenge) != d)
        return unexpected(QStringLiteral("aa_signature_invalid: the chip did not sign this challenge"));
    return {};
}

} // namespace

Expected<void> checkDg15(const QByteArray& dg15) {
    auto key = publicKey(dg15);
    if (!key)
        return unexpected(key.error());
    return {};
}

Expected<QString> activeAuthHash(const QByteArray& dg14) {
    auto top = Tlv::parse(dg14);
    if (!top)
        return unexpected(top.error());
    auto set = top->tag == 0x6E ? Tlv::parse(top->value) : Expected<Tlv>(unexpected(QString()));
    if (!set || set->tag != 0x31)
        return unexpected(QStringLiteral("lds_malformed: DG14 is not 6E { SET OF SecurityInfo }"));
    auto infos = Tlv::children(set->value);
    if (!infos)
        return unexpected(infos.error());
    for (const Tlv& info : *infos) {
        auto parts =
            info.tag == 0x30 ? Tlv::children(info.value) : Expected<QList<Tlv>>(unexpected(QString()));
        if (!parts || parts->size() < 2 || parts->at(0).tag != 0x06 || parts->at(0).value != kIdAa)
            continue;
        if (parts->size() < 3 || parts->at(2).tag != 0x06)
            return unexpected(
                QStringLiteral("aa_algorithm_unknown: ActiveAuthenticationInfo without an algorithm"));
        const QByteArray oid = parts->at(2).value;
        if (oid.size() == kEcdsaPlain.size() + 1 && oid.startsWith(kEcdsaPlain)) {
            const int i = quint8(oid.back()) - 1;
            if (i >= 0 && i < int(kPlainHashes.size()))
                return QString::fromLatin1(kPlainHashes[std::size_t(i)]);
        }
        return unexpected(QStringLiteral("aa_algorithm_unknown: %1").arg(QString::fromLatin1(oid.toHex())));
    }
    return QString();
}

Expected<void> verifyActiveAuthentication(const QByteArray& dg15, const QByteArray& dg14,
                                          const ActiveAuthExchange& x) {
    auto key = publicKey(dg15);
    if (!key)
        return unexpected(key.error());
    if (x.challenge.size() != 8 || x.signature.isEmpty())
        return unexpected(QStringLiteral("aa_signature_invalid: no answer to an 8-byte challenge") +
                          (x.failure.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(x.failure)));
    if (EVP_PKEY_get_base_id(key->get()) == EVP_PKEY_RSA)
        return verifyRsa(key->get(), x);
    auto hash = dg14.isEmpty() ? Expected<QString>(QString()) : activeAuthHash(dg14);
    if (!hash)
        return unexpected(hash.error());
    if (hash->isEmpty())
        return unexpected(
            QStringLiteral("aa_algorithm_unknown: an ECDSA key needs DG14's ActiveAuthenticationInfo"));
    const int size = (EVP_PKEY_get_bits(key->get()) + 7) / 8;
    const QByteArray der = ecdsa::plainToDer(x.signature, size);
    const QByteArray h = digest(hash->toLatin1().constData(), x.challenge);
    CtxPtr ctx(EVP_PKEY_CTX_new(key->get(), nullptr));
    if (der.isEmpty() || h.isEmpty() || !ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
        EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(der.constData()),
                        size_t(der.size()), reinterpret_cast<const unsigned char*>(h.constData()),
                        size_t(h.size())) != 1)
        return unexpected(QStringLiteral("aa_signature_invalid: the chip did not sign this challenge"));
    return {};
}

QByteArray activeAuthSign(const QByteArray& privateKeyPem, const QByteArray& challenge, const QString& hash) {
    BioPtr bio(BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return {};
    CtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1)
        return {};
    if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA) {
        // F = 6A || M1 (random) || SHA-1(M1 || challenge) || BC, then the raw private operation.
        const int k = EVP_PKEY_get_size(key.get());
        QByteArray m1(k - 1 - 20 - 1, '\0');
        RAND_bytes(reinterpret_cast<unsigned char*>(m1.data()), int(m1.size()));
        const QByteArray f = QByteArray(1, char(0x6A)) + m1 + digest("SHA1", m1 + challenge) + char(0xBC);
        QByteArray sig(k, '\0');
        size_t n = size_t(k);
        if (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
            EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &n,
                          reinterpret_cast<const unsigned char*>(f.constData()), size_t(f.size())) != 1)
            return {};
        return sig.left(qsizetype(n));
    }
    const QByteArray h = digest(hash.toLatin1().constData(), challenge);
    QByteArray der(EVP_PKEY_get_size(key.get()), '\0');
    size_t n = size_t(der.size());
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &n,
                      reinterpret_cast<const unsigned char*>(h.constData()), size_t(h.size())) != 1)
        return {};
    return ecdsa::derToPlain(QByteArrayView(der.constData(), qsizetype(n)),
                             (EVP_PKEY_get_bits(key.get()) + 7) / 8);
}

} // namespace lz::icao
