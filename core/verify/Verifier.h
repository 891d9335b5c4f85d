#pragma once
// The one entry point from an outside credential (QR text, NFC presentations, passports, ID cards)
// to a VerificationResult. Offline: everything it needs is in the trust store.
#include "icao/ActiveAuth.h"
#include "icao/Mrz.h"
#include "icao/PassiveAuth.h"
#include "trust/TrustStore.h"
#include "verify/Clock.h"
#include "verify/ReplayCache.h"
#include "verify/VerificationResult.h"

#include <QStringView>

namespace lz {

struct VerifierPolicy {
    qint64 clockSkew = 30;                // seconds tolerated either way on every time check
    qint64 maxOfflineAge = 7 * 24 * 3600; // after this since the list's issue time: fail closed
    bool rejectStale = false;             // past next-update: warn (default) or reject
};

class Verifier {
public:
    // guard and replay may be null (e.g. `inspect`-like tools); the kiosk always passes both.
    Verifier(const TrustStore& trust, const Clock& clock, TimeGuard* guard, ReplayCache* replay,
             VerifierPolicy policy = {});

    VerificationResult verifyQrText(QStringView text);
    // A presentation's COSE_Sign1 bytes, as read over NFC; expectedNonce and expectedAudience,
    // when given, must be the ones the presentation carries (the terminal's fresh challenge and
    // its id): an answer recorded elsewhere or earlier is then `replayed`.
    VerificationResult verifyPresentation(const QByteArray& cose, const QByteArray& expectedNonce = {},
                                          const QString& expectedAudience = {});

    // An ICAO 9303 chip's files as read (data group number → bytes, and EF.SOD): passive
    // authentication against the trust list's CSCAs (named reasons bad_document_signature,
    // unknown_csca, certificate_expired, certificate_invalid, revoked, data_group_mismatch), DG1
    // must carry the MRZ whose key opened the chip, the document must not have expired
    // (credential_expired); a chip with DG15 must have answered the active-authentication
    // challenge (chip_authentication_failed). pa, when given, receives the details.
    VerificationResult verifyPassport(const QMap<int, QByteArray>& dataGroups, const QByteArray& efSod,
                                      const icao::MrzKey& accessKey, const icao::ActiveAuthExchange& aa = {},
                                      icao::PassiveAuthResult* pa = nullptr);

    // A card's 256-byte text block as a SAM ID reader returned it (the SAM has authenticated the
    // card): the fields judged by idcard::identityOf (document_inconsistent, document_expired,
    // malformed). samId names the reader's SAM and is the result's issuer. newAddress: the
    // latest address endorsed on the card (the SAM's 30 03 answer), which replaces the printed one.
    VerificationResult verifyIdCard(const QByteArray& textBlock, const QString& samId,
                                    const QByteArray& newAddress = {});
    // A card the SAM refused (card_auth_failed, sam_auth_failed, info_check_failed): a refusal
    // with a reason like any other, so it is shown, logged as an attempt and never retried.
    VerificationResult refuseIdCard(const QString& samError, const QString& samId);

    const VerifierPolicy& policy() const { return m_policy; }

private:
    // The clock and the trust list's age, before any judgement that depends on them: None, or
    // the reason to stop with (detail set). Adds TrustListStale to r's warnings when it applies.
    Reason checkClockAndTrust(const TrustList* list, qint64 now, VerificationResult& r,
                              QString& detail) const;
    VerificationResult verify(const QByteArray& cose, const QByteArray& expectedNonce,
                              const QString& expectedAudience, qint64 startNs);
    // Fills the trust-list fields of r (every result says how old the list is); null if none.
    std::shared_ptr<const TrustList> describeTrust(VerificationResult& r) const;

    const TrustStore& m_trust;
    const Clock& m_clock;
    TimeGuard* m_guard;
    ReplayCache* m_replay;
    VerifierPolicy m_policy;
};

} // namespace lz
