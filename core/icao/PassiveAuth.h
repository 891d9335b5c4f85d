#pragma once
// ICAO 9303 passive authentication (Part 11 §5.1, Part 10 §4.6.2): EF.SOD is tag 77 around a CMS
// SignedData (RFC 5652) whose content is the LDSSecurityObject — the hash of every data group —
// signed by the document signer (DS), whose certificate the SOD carries and a country signing CA
// (CSCA) issued. The steps, each its own named failure:
//   1. parse EF.SOD and its LDSSecurityObject                 → sod_malformed
//   2. the CMS signature (signed attributes, messageDigest)   → bad_document_signature
//   3. DS certificate → CSCA from the trust list, at `now`    → unknown_csca, certificate_expired,
//      DS key usage digitalSignature                            certificate_invalid
//   4. the CSCA's CRL from the trust list                     → revoked
//   5. every data group read hashes to its value in the SOD   → data_group_mismatch
#include "icao/CscaStore.h"

#include <QMap>
#include <QString>
#include <optional>

namespace lz::icao {

// LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues, ldsVersionInfo? }
struct LdsSecurityObject {
    int version = 0;
    QString hashAlgorithm;        // "SHA256" (SHA1, SHA224, SHA256, SHA384, SHA512)
    QMap<int, QByteArray> hashes; // data group number → hash
};
// Errors: sod_malformed: …
Expected<LdsSecurityObject> parseLdsSecurityObject(const QByteArray& der);

// The data groups an EF.SOD lists, unverified: for the reader to fetch what it must (DG14, DG15
// even when EF.COM — which nothing signs — leaves them out). Errors: sod_malformed.
Expected<QList<int>> securityObjectDataGroups(const QByteArray& efSod);

// The steps' failures above, one each; paFailureName() writes their names.
enum class PaFailure {
    SodMalformed,
    BadDocumentSignature,
    UnknownCsca,
    CertificateExpired,
    CertificateInvalid,
    Revoked,
    DataGroupMismatch
};
QString paFailureName(PaFailure failure);

struct PassiveAuthResult {
    std::optional<PaFailure> failure; // none when every step passed
    QString detail;                   // technical, English, no personal data
    QString signerCountry;            // the DS certificate's C= (e.g. "UT"), once a CSCA vouched for it
    QString hashAlgorithm;
    QList<int> checkedDataGroups;     // the data groups read whose hashes matched
    QList<int> signedDataGroups;      // every data group the security object lists (read or not)
    bool activeAuthenticated = false; // set by the Verifier: the chip answered DG15's challenge
    bool ok() const { return !failure; }
    QString failureName() const { return failure ? paFailureName(*failure) : QString(); }
};

// dataGroups: number → the file's bytes as read (1 → DG1, 2 → DG2 …). now: Unix seconds.
PassiveAuthResult passiveAuthenticate(const QByteArray& efSod, const QMap<int, QByteArray>& dataGroups,
                                      const CscaStore& cscas, qint64 now);

} // namespace lz::icao
