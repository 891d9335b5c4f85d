#pragma once
// The one entry point from an outside credential (QR text now; NFC and ID-card readers later)
// to a VerificationResult. Offline: everything it needs is in the trust store.
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

    const VerifierPolicy& policy() const { return m_policy; }

private:
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
