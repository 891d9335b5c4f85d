#pragma once
// A small credential world for core tests: a trust anchor, one issuer per algorithm, a holder
// device key, a valid identity, and helpers to issue credentials and presentations at a time.
#include "cose/CoseSign1.h"
#include "credential/Credential.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "trust/TrustStore.h"

#include "samples/Samples.h"

#include <QMap>

namespace lz::test {

inline constexpr qint64 kNow = 1790000000; // 2026-09-21, the tests' "now"
inline constexpr qint64 kDay = 86400;

inline Identity sampleIdentity() {
    return samples::residentIdentity();
}

struct TestIssuer {
    PrivateKey key;
    QByteArray kid;
};

struct TestWorld {
    PrivateKey anchorKey = PrivateKey::generate(Algorithm::ES256);
    QByteArray anchorKid = "test-anchor";
    QMap<Algorithm, TestIssuer> issuers;
    QString issuerCode = QStringLiteral("TEST-CTID");

    TestWorld() {
        for (Algorithm a : {Algorithm::ES256, Algorithm::EdDSA, Algorithm::SM2})
            issuers.insert(a, {PrivateKey::generate(a), "issuer-" + algorithmName(a).toLatin1()});
    }

    TrustAnchor anchor() const { return {anchorKid, anchorKey.publicKey()}; }

    TrustList trustList(qint64 issuedAt = kNow - 3600, quint64 seq = 1) const {
        TrustList l;
        l.sequence = seq;
        l.issuedAt = issuedAt;
        l.nextUpdate = issuedAt + kDay;
        for (auto it = issuers.cbegin(); it != issuers.cend(); ++it)
            l.issuers.append({it->kid, issuerCode, QStringLiteral("Test issuer"), it->key.publicKey(),
                              kNow - 365 * kDay, kNow + 365 * kDay});
        return l;
    }

    QByteArray signedList(const TrustList& l) const { return l.sign(anchorKey, anchorKid); }

    Credential credential(const PrivateKey& device, const Identity& id = sampleIdentity()) const {
        Credential c;
        c.issuer = issuerCode;
        c.id = QByteArray::fromHex("0102030405060708");
        c.issuedAt = kNow - 30 * kDay;
        c.notBefore = c.issuedAt;
        c.expiresAt = kNow + 365 * kDay;
        c.holderKey = device.publicKey();
        c.identity = id;
        return c;
    }

    QByteArray issue(const Credential& c, Algorithm alg) const {
        const TestIssuer& i = issuers[alg];
        return c.issue(i.key, i.kid);
    }

    // QR text of a fresh presentation of `credential` made at `at`.
    static QString qr(const QByteArray& credential, const PrivateKey& device, qint64 at,
                      qint64 lifetime = 300) {
        return qr::encode(Presentation::make(credential, at, lifetime).sign(device));
    }
};

} // namespace lz::test
