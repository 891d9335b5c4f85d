#include "crypto/Digest.h"

#include <memory>
#include <openssl/evp.h>

namespace lz {

QByteArray sha256(std::initializer_list<QByteArrayView> parts) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QByteArray out(32, Qt::Uninitialized);
    unsigned int n = 0;
    bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1;
    for (const QByteArrayView& p : parts)
        ok = ok && EVP_DigestUpdate(ctx.get(), p.data(), size_t(p.size())) == 1;
    if (!ok || EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n) != 1)
        qFatal("SHA-256 failed"); // the hash chain must never carry a garbage digest
    return out;
}

} // namespace lz
