#pragma once
// The presentation: what the wallet rotates every ~60 s. A COSE_Sign1 by the holder's device
// key (the one bound in the credential's cnf) over the credential, a short validity window,
// a random id (jti) and, for NFC, the verifier's nonce.
#include "crypto/Keys.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace lz {

struct Presentation {
    QByteArray credential; // tagged COSE_Sign1 bytes of the issuer credential
    qint64 issuedAt = 0, expiresAt = 0;
    QByteArray jti;
    QByteArray nonce; // optional
    QString audience; // optional: terminal id the phone was challenged by

    static Expected<Presentation> fromClaims(const QByteArray& payload);
    QByteArray toClaims() const;
    // Signs with the holder's device key; returns tagged COSE_Sign1 bytes.
    QByteArray sign(const PrivateKey& deviceKey) const;
    // A fresh presentation of credential at time `at` with a random 16-byte jti.
    static Presentation make(const QByteArray& credential, qint64 at, qint64 lifetime = 300,
                             const QByteArray& nonce = {});
};

} // namespace lz
