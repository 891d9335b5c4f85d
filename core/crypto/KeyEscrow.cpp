#include "crypto/KeyEscrow.h"

#include "crypto/OpenSslPtr.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace lz {

namespace {
using Bio = OpenSslPtr<BIO, BIO_free_all>;
using Cms = OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using Cert = OpenSslPtr<X509, X509_free>;
using Key = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
void freeCertStack(STACK_OF(X509) * s) {
    sk_X509_free(s); // the stack only: the certificate has its own owner
}
using Certs = OpenSslPtr<STACK_OF(X509), freeCertStack>;

QString opensslError() {
    char buf[256] = {0};
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("(no detail)");
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

Bio memory(const QByteArray& bytes) {
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

Expected<Cert, EscrowFailure> readCertificate(const QByteArray& pem) {
    Bio in = memory(pem);
    Cert cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return unexpected(EscrowFailure{EscrowError::CertificateInvalid, opensslError()});
    // A certificate whose key OpenSSL cannot decode still parses; its key is then null.
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (!key)
        return unexpected(
            EscrowFailure{EscrowError::CertificateInvalid, QStringLiteral("its public key cannot be read")});
    const int type = EVP_PKEY_get_base_id(key);
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC)
        return unexpected(EscrowFailure{EscrowError::CertificateInvalid,
                                        QStringLiteral("the certificate's key is not RSA or EC")});
    return cert;
}

QByteArray drain(BIO* bio) {
    QByteArray out;
    char buf[4096];
    int n;
    while ((n = BIO_read(bio, buf, sizeof buf)) > 0)
        out.append(buf, n);
    return out;
}
} // namespace

QString escrowErrorName(EscrowError e) {
    switch (e) {
    case EscrowError::CertificateInvalid:
        return QStringLiteral("escrow_certificate_invalid");
    case EscrowError::KeyInvalid:
        return QStringLiteral("escrow_key_invalid");
    case EscrowError::SealFailed:
        return QStringLiteral("escrow_seal_failed");
    case EscrowError::NotEscrow:
        return QStringLiteral("escrow_not_cms");
    case EscrowError::WrongKey:
        return QStringLiteral("escrow_wrong_key");
    case EscrowError::TooLarge:
        return QStringLiteral("escrow_too_large");
    }
    return QStringLiteral("escrow_error");
}

Expected<QByteArray, EscrowFailure> sealToCertificate(const QByteArray& plaintext,
                                                      const QByteArray& certPem) {
    if (plaintext.size() > kMaxEscrowBytes)
        return unexpected(
            EscrowFailure{EscrowError::TooLarge, QStringLiteral("%1 bytes").arg(plaintext.size())});
    auto cert = readCertificate(certPem);
    if (!cert)
        return unexpected(cert.error());
    Certs recipients(sk_X509_new_null());
    if (!recipients || !sk_X509_push(recipients.get(), cert->get()))
        return unexpected(EscrowFailure{EscrowError::SealFailed, opensslError()});
    Bio in = memory(plaintext);
    // An AEAD cipher makes OpenSSL 3 write AuthEnvelopedData: altering a byte fails the tag.
    Cms cms(CMS_encrypt(recipients.get(), in.get(), EVP_aes_256_gcm(), CMS_BINARY));
    if (!cms)
        return unexpected(EscrowFailure{EscrowError::SealFailed, opensslError()});
    Bio out(BIO_new(BIO_s_mem()));
    if (!i2d_CMS_bio(out.get(), cms.get()))
        return unexpected(EscrowFailure{EscrowError::SealFailed, opensslError()});
    return drain(out.get());
}

Expected<QByteArray, EscrowFailure> openSealed(const QByteArray& der, const QByteArray& certPem,
                                               const QByteArray& keyPem) {
    if (der.size() > kMaxEscrowBytes)
        return unexpected(EscrowFailure{EscrowError::TooLarge, QStringLiteral("%1 bytes").arg(der.size())});
    auto cert = readCertificate(certPem);
    if (!cert)
        return unexpected(cert.error());
    Bio keyIn = memory(keyPem);
    Key key(PEM_read_bio_PrivateKey(keyIn.get(), nullptr, nullptr, nullptr));
    if (!key)
        return unexpected(EscrowFailure{EscrowError::KeyInvalid, opensslError()});
    if (X509_check_private_key(cert->get(), key.get()) != 1)
        return unexpected(EscrowFailure{EscrowError::KeyInvalid,
                                        QStringLiteral("the private key is not the certificate's")});
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    Cms cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.size())));
    if (!cms || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        ERR_clear_error();
        return unexpected(EscrowFailure{EscrowError::NotEscrow, QStringLiteral("not one DER CMS structure")});
    }
    const int type = OBJ_obj2nid(CMS_get0_type(cms.get()));
    if (type != NID_id_smime_ct_authEnvelopedData && type != NID_pkcs7_enveloped)
        return unexpected(EscrowFailure{EscrowError::NotEscrow,
                                        QStringLiteral("a CMS structure, but not an enveloped one")});
    Bio out(BIO_new(BIO_s_mem()));
    if (!CMS_decrypt(cms.get(), key.get(), cert->get(), nullptr, out.get(), CMS_BINARY))
        return unexpected(EscrowFailure{EscrowError::WrongKey, opensslError()});
    QByteArray plain = drain(out.get());
    if (plain.size() > kMaxEscrowBytes)
        return unexpected(
            EscrowFailure{EscrowError::TooLarge, QStringLiteral("opened to %1 bytes").arg(plain.size())});
    return plain;
}

} // namespace lz
