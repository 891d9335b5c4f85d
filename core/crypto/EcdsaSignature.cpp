#include "crypto/EcdsaSignature.h"

#include <openssl/bn.h>
#include <openssl/ec.h>

namespace lz::ecdsa {

QByteArray plainToDer(QByteArrayView plain, int size) {
    if (size <= 0 || plain.size() != 2 * size)
        return {};
    ECDSA_SIG* sig = ECDSA_SIG_new();
    const auto* p = reinterpret_cast<const unsigned char*>(plain.data());
    ECDSA_SIG_set0(sig, BN_bin2bn(p, size, nullptr), BN_bin2bn(p + size, size, nullptr));
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<const char*>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray derToPlain(QByteArrayView der, int size) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return {};
    QByteArray out(2 * size, '\0');
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    const bool ok = BN_bn2binpad(ECDSA_SIG_get0_r(sig), o, size) == size &&
                    BN_bn2binpad(ECDSA_SIG_get0_s(sig), o + size, size) == size;
    ECDSA_SIG_free(sig);
    return ok ? out : QByteArray();
}

} // namespace lz::ecdsa
