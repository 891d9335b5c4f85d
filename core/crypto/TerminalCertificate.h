#pragma once
// The terminal's TLS identity at enrolment (docs/configuration.md "Enrolment"): a key pair made on
// the machine (the private key never leaves it), a certificate signing request (PKCS#10) for the
// police's terminal CA, and the check of the certificate that comes back on a USB stick before it
// is used. All by OpenSSL's X509_REQ / X509 functions.
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace lz {

enum class CertificateError {
    Invalid,       // not a PEM certificate (or request)
    KeyMismatch,   // not for the key this terminal made
    WrongTerminal, // its common name is another terminal's
    NotYetValid,
    Expired,
    NoClientAuth, // its extended key usage excludes TLS client authentication
    KeyFailed,    // the key pair or the request could not be made
};
QString certificateErrorName(CertificateError e);

struct CertificateFailure {
    CertificateError error;
    QString detail;
    QString text() const { return certificateErrorName(error) + QStringLiteral(": ") + detail; }
};

struct TerminalRequest {
    QByteArray keyPem; // PKCS#8, for the state directory only (0600)
    QByteArray csrPem; // PKCS#10: CN = terminal id, O = venue id; signed with the key
};

// A P-256 key and its request.
Expected<TerminalRequest, CertificateFailure> makeTerminalRequest(const QString& terminalId,
                                                                  const QString& venueId);

struct CertificateInfo {
    QString commonName, issuer;
    qint64 notBeforeS = 0, notAfterS = 0;
    QByteArray sha256; // of the DER, for the operator to compare
};

// The signed certificate from the CA: PEM, for `keyPem`, CN = `terminalId`, valid at `nowS`, usable
// for TLS client authentication (no extended key usage, or one naming clientAuth).
Expected<CertificateInfo, CertificateFailure> checkTerminalCertificate(const QByteArray& certPem,
                                                                       const QByteArray& keyPem,
                                                                       const QString& terminalId,
                                                                       qint64 nowS);

} // namespace lz
