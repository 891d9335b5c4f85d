#pragma once
// Key escrow: secret bytes (the terminal's keys) sealed to a recipient's X.509 certificate — a
// supplier's or the police's — so that only the holder of its private key can open them.
// The format is CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM, the recipient by RSA key
// transport or ECDH key agreement (RFC 5652, RFC 5753): any OpenSSL 3 opens it without this
// program,
//   openssl cms -decrypt -inform DER -in KEYS.p7m -recip CERT.pem -inkey KEY.pem
// Written with OpenSSL's CMS functions; nothing of the format is by hand.
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace lz {

enum class EscrowError {
    CertificateInvalid, // not a PEM X.509 certificate with an RSA or EC key
    KeyInvalid,         // not a PEM private key, or not the certificate's
    SealFailed,
    NotEscrow, // not a CMS AuthEnvelopedData / EnvelopedData structure
    WrongKey,  // not for this recipient, or the authentication tag fails (altered)
    TooLarge,  // over kMaxEscrowBytes
};
QString escrowErrorName(EscrowError e);

struct EscrowFailure {
    EscrowError error;
    QString detail;
    QString text() const { return escrowErrorName(error) + QStringLiteral(": ") + detail; }
};

constexpr qsizetype kMaxEscrowBytes = 1 << 20;

// DER of the sealed structure.
Expected<QByteArray, EscrowFailure> sealToCertificate(const QByteArray& plaintext, const QByteArray& certPem);
Expected<QByteArray, EscrowFailure> openSealed(const QByteArray& der, const QByteArray& certPem,
                                               const QByteArray& keyPem);

} // namespace lz
