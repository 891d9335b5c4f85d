#pragma once
// Active authentication (ICAO 9303-11 §6.1): the chip signs 8 random bytes of the terminal's
// with a private key only it holds, so a chip copied file for file cannot answer. DG15 carries
// the public key (its hash is in EF.SOD, so passive authentication vouches for it); DG14's
// ActiveAuthenticationInfo names the hash for ECDSA. RSA answers use ISO/IEC 9796-2 scheme 1
// (message recovery), with SHA-1 (trailer BC) or the hash the trailer names.
// Chip authentication (EAC, DG14 ChipAuthenticationPublicKeyInfo) is not done here: see
// docs/passports.md for which documents get which.
#include "util/Expected.h"

#include <QByteArray>

namespace lz::icao {

struct ActiveAuthExchange {
    QByteArray challenge; // RND.IFD, 8 bytes
    QByteArray signature; // the chip's INTERNAL AUTHENTICATE answer
    QString failure;      // why there is no answer (a status word, a transport error), if so
};

// The chip's DG15 public key (SubjectPublicKeyInfo inside tag 6F), EC or RSA; errors aa_key_malformed.
Expected<void> checkDg15(const QByteArray& dg15);
// The hash DG14 names for ECDSA active authentication ("SHA256" …), or empty when DG14 has no
// ActiveAuthenticationInfo. Errors: aa_algorithm_unknown, and DG14's tlv_* / lds_malformed.
Expected<QString> activeAuthHash(const QByteArray& dg14);
// Errors: aa_key_malformed, aa_algorithm_unknown (ECDSA without DG14's hash), aa_signature_invalid.
Expected<void> verifyActiveAuthentication(const QByteArray& dg15, const QByteArray& dg14,
                                          const ActiveAuthExchange& exchange);

// The chip's side, for the emulated chip: the answer to INTERNAL AUTHENTICATE with this private
// key (PEM), ECDSA with `hash` in plain r||s, or RSA 9796-2 scheme 1 with SHA-1. Empty on error.
QByteArray activeAuthSign(const QByteArray& privateKeyPem, const QByteArray& challenge,
                          const QString& hash = QStringLiteral("SHA256"));

} // namespace lz::icao
