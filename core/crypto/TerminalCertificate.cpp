#include "crypto/TerminalCertificate.h"

#include "crypto/Digest.h"
#include "crypto/OpenSslPtr.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lz {

namespace {
using Bio = OpenSslPtr<BIO, BIO_free_all>;
using Key = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using Req = OpenSslPtr<X509_REQ, X509_REQ_free>;
using Cert = OpenSslPtr<X509, X509_free>;
using Name = OpenSslPtr<X509_NAME, X509_NAME_free>;
using Eku = OpenSslPtr<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free>;

QString opensslError() {
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    char buf[256] = {0};
    if (e)
        ERR_error_string_n(e, buf, sizeof buf);
    return e ? QString::fromLatin1(buf) : QStringLiteral("(no detail)");
}

QByteArray drain(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}

CertificateFailure failure(CertificateError e, const QString& detail) {
    return {e, detail};
}

QString nameEntry(const X509_NAME* name, int nid) {
    const int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0)
        return {};
    const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    unsigned char* utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, s);
    if (n < 0)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
    OPENSSL_free(utf8);
    return out;
}

qint64 epochOf(const ASN1_TIME* t) {
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return -1;
    return qint64(timegm(&tm));
}
} // namespace

QString certificateErrorName(CertificateError e) {
    switch (e) {
    case CertificateError::Invalid:
        return QStringLiteral("certificate_invalid");
    case CertificateError::KeyMismatch:
        return QStringLiteral("certificate_key_mismatch");
    case CertificateError::WrongTerminal:
        return QStringLiteral("certificate_wrong_terminal");
    case CertificateError::NotYetValid:
        return QStringLiteral("certificate_not_yet_valid");
    case CertificateError::Expired:
        return QStringLiteral("certificate_expired");
    case CertificateError::NoClientAuth:
        return QStringLiteral("certificate_not_for_clients");
    case CertificateError::KeyFailed:
        return QStringLiteral("certificate_request_failed");
    }
    return QStringLiteral("certificate_error");
}

Expected<TerminalRequest, CertificateFailure> makeTerminalRequest(const QString& terminalId,
                                                                  const QString& venueId) {
    if (terminalId.isEmpty() || terminalId.size() > 64 || venueId.size() > 64)
        return unexpected(
            failure(CertificateError::KeyFailed, QStringLiteral("terminal id 1..64, venue id ..64")));
    Key key(EVP_EC_gen("P-256"));
    Req req(X509_REQ_new());
    Name name(X509_NAME_new());
    if (!key || !req || !name)
        return unexpected(failure(CertificateError::KeyFailed, opensslError()));
    const QByteArray cn = terminalId.toUtf8(), o = venueId.toUtf8();
    if (!X509_NAME_add_entry_by_NID(name.get(), NID_commonName, MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(cn.constData()), int(cn.size()),
                                    -1, 0) ||
        (!o.isEmpty() && !X509_NAME_add_entry_by_NID(name.get(), NID_organizationName, MBSTRING_UTF8,
                                                     reinterpret_cast<const unsigned char*>(o.constData()),
                                                     int(o.size()), -1, 0)) ||
        !X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) ||
        !X509_REQ_set_subject_name(req.get(), name.get()) || !X509_REQ_set_pubkey(req.get(), key.get()) ||
        !X509_REQ_sign(req.get(), key.get(), EVP_sha256()))
        return unexpected(failure(CertificateError::KeyFailed, opensslError()));
    Bio keyOut(BIO_new(BIO_s_mem())), reqOut(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
        !PEM_write_bio_X509_REQ(reqOut.get(), req.get()))
        return unexpected(failure(CertificateError::KeyFailed, opensslError()));
    return TerminalRequest{drain(keyOut.get()), drain(reqOut.get())};
}

Expected<CertificateInfo, CertificateFailure> checkTerminalCertificate(const QByteArray& certPem,
                                                                       const QByteArray& keyPem,
                                                                       const QString& terminalId,
                                                                       qint64 nowS) {
    if (certPem.size() > 64 * 1024)
        return unexpected(failure(CertificateError::Invalid, QStringLiteral("over 64 KiB")));
    Bio in(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    Cert cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return unexpected(failure(CertificateError::Invalid, opensslError()));
    Bio keyIn(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    Key key(PEM_read_bio_PrivateKey(keyIn.get(), nullptr, nullptr, nullptr));
    if (!key)
        return unexpected(
            failure(CertificateError::KeyFailed, QStringLiteral("the terminal's key cannot be read")));
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        return unexpected(failure(CertificateError::KeyMismatch,
                                  QStringLiteral("this certificate is for another key (another request?)")));
    }
    CertificateInfo info;
    info.commonName = nameEntry(X509_get_subject_name(cert.get()), NID_commonName);
    info.issuer = nameEntry(X509_get_issuer_name(cert.get()), NID_commonName);
    info.notBeforeS = epochOf(X509_get0_notBefore(cert.get()));
    info.notAfterS = epochOf(X509_get0_notAfter(cert.get()));
    unsigned char* der = nullptr;
    const int derLen = i2d_X509(cert.get(), &der);
    if (derLen > 0) {
        info.sha256 = sha256({QByteArrayView(der, derLen)});
        OPENSSL_free(der);
    }
    if (info.commonName != terminalId)
        return unexpected(
            failure(CertificateError::WrongTerminal,
                    QStringLiteral("it names '%1', this terminal is '%2'").arg(info.commonName, terminalId)));
    if (info.notBeforeS < 0 || nowS < info.notBeforeS)
        return unexpected(
            failure(CertificateError::NotYetValid, QStringLiteral("valid from %1").arg(info.notBeforeS)));
    if (info.notAfterS < 0 || nowS > info.notAfterS)
        return unexpected(
            failure(CertificateError::Expired, QStringLiteral("valid until %1").arg(info.notAfterS)));
    int critical = 0;
    Eku eku(static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(cert.get(), NID_ext_key_usage, &critical, nullptr)));
    if (eku) {
        bool client = false;
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i)
            client = client || OBJ_obj2nid(sk_ASN1_OBJECT_value(eku.get(), i)) == NID_client_auth;
        if (!client)
            return unexpected(failure(CertificateError::NoClientAuth,
                                      QStringLiteral("its extended key usage has no clientAuth")));
    }
    return info;
}

} // namespace lz
