#pragma once
// The verifier's answer: valid, or rejected with one reason from a closed set; never a silent
// pass. Carries the identity only when valid (least data), and how old the trust list is.
#include "credential/Identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace lz {

enum class Reason {
    None,
    Malformed,
    UnsupportedVersion,
    UnknownIssuer,
    BadIssuerSignature,
    BadHolderSignature,
    CredentialNotYetValid,
    CredentialExpired,
    PresentationExpired,
    PresentationFromFuture,
    Replayed,
    Revoked,
    TrustListStale,
    TrustListExpired,
    ClockUntrusted,
    // ICAO 9303 passive authentication (docs/passports.md), one per step that can fail:
    BadDocumentSignature,     // EF.SOD's signature does not verify with its document signer certificate
    UnknownCsca,              // the document signer does not chain to a CSCA in the trust list
    CertificateExpired,       // the document signer's or the CSCA's certificate is out of its validity
    CertificateInvalid,       // a certificate of the chain is unusable (key usage, signature, form)
    DataGroupMismatch,        // a data group read differs from its hash in the security object
    ChipAuthenticationFailed, // active authentication failed: the data is genuine, the chip may be a copy
    // Cards read through a SAM ID reader (docs/id-card-reader.md):
    CardNotAuthentic,     // the reader's SAM refused the card (mutual authentication, information check)
    DocumentInconsistent, // the card's number disagrees with its own check digit, birth date or sex
    DocumentExpired,      // the card's valid-to date has passed
};

QString reasonName(Reason r); // "malformed", "bad_issuer_signature", ...; "" for None
std::optional<Reason> reasonFromName(const QString& name);
QList<Reason> allReasons(); // every reason except None

struct VerificationTimings {
    qint64 decodeNs = 0;          // QR text → claims (base45, inflate, CBOR, COSE)
    qint64 issuerSignatureNs = 0; // issuer credential signature
    qint64 holderSignatureNs = 0; // presentation signature (incl. holder key import)
    qint64 totalNs = 0;
};

struct VerificationResult {
    bool valid = false;
    Reason reason = Reason::Malformed;
    QString detail;                   // technical, English, never personal data
    QList<Reason> warnings;           // e.g. TrustListStale on a valid result
    std::optional<Identity> identity; // only when valid

    QString issuer, issuerName;
    QByteArray credentialId, presentationId;
    qint64 credentialExpiresAt = 0;
    // The credential's signed SHA-256 of the holder's portrait (claim -65540), empty if none:
    // the portrait read over NFC is trusted only if it hashes to this (face/DocumentPortrait).
    QByteArray portraitHash;
    qint64 checkedAt = 0;
    quint64 trustListSequence = 0;
    qint64 trustListAge = -1; // seconds since the list's issue time; -1: no list
    bool demo = false;
    VerificationTimings timings;

    // JSON for the CLI and logs; identity masked (name and document number) unless told otherwise.
    QJsonObject toJson(bool unmasked = false) const;
};

} // namespace lz
