#include "icao/CscaStore.h"

#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lz::icao {

CscaStore::CscaStore()
    : m_store(X509_STORE_new()) {}

CscaStore::~CscaStore() {
    for (X509* c : m_certificates)
        X509_free(c);
    for (X509_CRL* c : m_crls)
        X509_CRL_free(c);
    X509_STORE_free(m_store);
}

Expected<std::shared_ptr<const CscaStore>> CscaStore::build(const QList<QByteArray>& certificates,
                                                            const QList<QByteArray>& crls) {
    std::shared_ptr<CscaStore> s(new CscaStore);
    if (!s->m_store)
        return unexpected(QStringLiteral("csca_store: out of memory"));
    for (const QByteArray& der : certificates) {
        const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
        X509* cert = d2i_X509(nullptr, &p, der.size());
        if (!cert)
            return unexpected(QStringLiteral("csca_malformed: not a DER X.509 certificate"));
        s->m_certificates.append(cert);
        if (p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
            return unexpected(QStringLiteral("csca_malformed: bytes after the certificate"));
        // X509_check_ca: basicConstraints CA:TRUE and, if keyUsage is present, keyCertSign.
        if (X509_check_ca(cert) != 1)
            return unexpected(
                QStringLiteral("csca_not_ca: a CSCA certificate must be a CA with keyCertSign"));
        X509_STORE_add_cert(s->m_store, cert);
    }
    for (const QByteArray& der : crls) {
        const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
        X509_CRL* crl = d2i_X509_CRL(nullptr, &p, der.size());
        if (!crl)
            return unexpected(QStringLiteral("crl_malformed: not a DER X.509 CRL"));
        s->m_crls.append(crl);
        // A renewed CSCA keeps its name: any CSCA of that name whose key verifies the CRL.
        bool named = false, verified = false;
        for (X509* c : s->m_certificates)
            if (X509_NAME_cmp(X509_get_subject_name(c), X509_CRL_get_issuer(crl)) == 0) {
                named = true;
                verified = verified || X509_CRL_verify(crl, X509_get0_pubkey(c)) == 1;
            }
        if (!named)
            return unexpected(QStringLiteral("crl_unknown_issuer: a CRL of no CSCA in the list"));
        if (!verified)
            return unexpected(QStringLiteral("crl_bad_signature: a CRL does not verify under its CSCA"));
    }
    return std::shared_ptr<const CscaStore>(std::move(s));
}

int CscaStore::certificateCount() const {
    return int(m_certificates.size());
}

int CscaStore::crlCount() const {
    return int(m_crls.size());
}

bool CscaStore::isRevoked(X509* certificate, X509* issuer) const {
    for (X509_CRL* crl : m_crls) {
        if (X509_NAME_cmp(X509_get_subject_name(issuer), X509_CRL_get_issuer(crl)) != 0)
            continue;
        X509_REVOKED* entry = nullptr;
        if (X509_CRL_get0_by_cert(crl, &entry, certificate) == 1)
            return true;
    }
    return false;
}

} // namespace lz::icao
