#pragma once
// The trust list (docs/trust-list.md): a COSE_Sign1 by a pinned trust-anchor key over the
// issuer keys, revoked credential ids and CSCA certificates the terminal trusts offline.
#include "crypto/Keys.h"
#include "icao/CscaStore.h"
#include "trust/RevocationSet.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <memory>

namespace lz {

struct TrustAnchor {
    QByteArray kid;
    PublicKey key;
};

struct IssuerKey {
    QByteArray kid;
    QString issuer; // issuer code, equals the credential's iss
    QString name;
    PublicKey key;
    qint64 notBefore = 0, notAfter = 0; // the key may sign credentials issued in this window
};

struct TrustList {
    static constexpr int kFormatVersion = 1;

    quint64 sequence = 0;
    qint64 issuedAt = 0, nextUpdate = 0;
    bool demo = false;    // signed by the demo anchor: results say so
    QByteArray signature; // the anchor's signature over this list (identifies its content)
    QList<IssuerKey> issuers;
    QList<QByteArray> cscaCertificates; // DER, for ICAO 9303 passive authentication
    QList<QByteArray> cscaCrls;         // DER CRLs, each signed by one of those CSCAs
    // Built from the two above when parsing (each certificate and CRL checked then): the store
    // passive authentication chains document signers to. Never null after parse().
    std::shared_ptr<const icao::CscaStore> cscaStore;
    // Revoked credential serials per issuer code: raw form (concatenated 8-byte serials) used
    // when building, and the lookup structure built when parsing.
    QHash<QString, QByteArray> revokedSerials;
    QHash<QString, std::shared_ptr<const RevocationSet>> revocations;

    const IssuerKey* findIssuer(const QByteArray& kid) const;
    bool isRevoked(const QString& issuer, QByteArrayView serial) const;
    std::size_t revocationCount() const;

    // Verifies the signature against the anchors (by kid) and parses the payload.
    static Expected<TrustList> parse(const QByteArray& cose, const QList<TrustAnchor>& anchors);
    // Builds the payload from everything above except `revocations` and signs it.
    QByteArray sign(const PrivateKey& anchorKey, const QByteArray& anchorKid) const;
};

} // namespace lz
