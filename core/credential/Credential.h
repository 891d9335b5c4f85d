#pragma once
// The issuer credential: a CWT (RFC 8392) in a COSE_Sign1 signed by an issuer key from the
// trust list, binding an identity to the holder device's public key (cnf, RFC 8747).
#include "credential/Identity.h"
#include "crypto/Keys.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace lz {

struct Credential {
    QString issuer; // iss: issuer code, matches a trust list entry
    QByteArray id;  // cti: 8 bytes
    qint64 issuedAt = 0, notBefore = 0, expiresAt = 0;
    PublicKey holderKey; // cnf
    Identity identity;
    // Reserved claim -65540: SHA-256 of the holder's portrait (face match, read over NFC); empty
    // when the credential carries none. Terminals that do not match faces ignore it.
    QByteArray portraitHash;

    // Parses and validates the claims (types, sizes, GB 11643 number, level rules).
    static Expected<Credential> fromClaims(const QByteArray& payload);
    QByteArray toClaims() const;
    // Issues: signs the claims with the issuer key; returns the tagged COSE_Sign1 bytes.
    QByteArray issue(const PrivateKey& issuerKey, const QByteArray& kid) const;
};

// Checks identity fields against each other (number vs birth date and sex, level vs address).
Expected<void> validateIdentity(const Identity& id);

} // namespace lz
