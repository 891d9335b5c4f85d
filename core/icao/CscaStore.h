#pragma once
// The country signing CA certificates (CSCA) and CRLs a trust list carries, prepared once per
// list for ICAO 9303 passive authentication: parsed, checked to be CA certificates, and put in an
// OpenSSL X509_STORE as the only trusted roots. CRLs are accepted only when they verify under the
// CSCA whose name they carry, so a CRL lookup later needs no further checks.
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <memory>

typedef struct x509_st X509;
typedef struct x509_store_st X509_STORE;
typedef struct X509_crl_st X509_CRL;

namespace lz::icao {

class CscaStore {
public:
    ~CscaStore();
    CscaStore(const CscaStore&) = delete;
    CscaStore& operator=(const CscaStore&) = delete;

    // Errors: csca_malformed (not one DER certificate), csca_not_ca, crl_malformed,
    // crl_unknown_issuer (no CSCA of that name), crl_bad_signature.
    static Expected<std::shared_ptr<const CscaStore>> build(const QList<QByteArray>& certificates,
                                                            const QList<QByteArray>& crls = {});

    int certificateCount() const;
    int crlCount() const;
    X509_STORE* store() const { return m_store; }
    // Is `certificate` (issued by `issuer`) on a CRL of that issuer?
    bool isRevoked(X509* certificate, X509* issuer) const;

private:
    CscaStore();
    X509_STORE* m_store = nullptr;
    QList<X509*> m_certificates;
    QList<X509_CRL*> m_crls;
};

} // namespace lz::icao
