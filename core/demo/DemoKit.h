#pragma once
// The embedded demo world (resources/demo): a DEMO trust anchor, DEMO issuers and invented
// holders. Demo mode signs a fresh trust list and fresh credentials from it at start-up.
// Never used unless the terminal is started in demo mode.
#include "credential/Credential.h"
#include "trust/TrustList.h"

#include <QList>

namespace lz::demo {

struct Holder {
    QString label;
    Identity identity;
    PrivateKey deviceKey;
    QByteArray credential; // tagged COSE_Sign1, issued by a demo issuer
};

struct DemoIssuer {
    IssuerKey entry;
    PrivateKey key;
};

// The demo passport the emulated reader carries (invented; ICAO's Utopia): what the clerk types.
inline constexpr char kDemoPassportMrz[] = "P<UTOLINDQVIST<<ASTRID<MARIA<<<<<<<<<<<<<<<<"
                                           "AB12345671UTO8803148F3301018<<<<<<<<<<<<<<<8";

class DemoKit {
public:
    // Loads the embedded files and issues every holder's credential at `now`.
    static Expected<DemoKit> load(qint64 now);

    TrustAnchor anchor() const { return {m_anchorKid, m_anchorKey.publicKey()}; }
    // A fresh demo trust list: issued at `now`, next update in 24 h, sequence = now (so a
    // re-signed list is never a rollback of an older demo list). `revoked` are serials of
    // credentials to list as revoked (for demonstrations).
    QByteArray signTrustList(qint64 now, const QList<QByteArray>& revoked = {}) const;
    const QList<Holder>& holders() const { return m_holders; }
    // The DEMO country signing CA (the demo trust list carries its certificate) and the demo
    // passport's face (resources/demo/demo-face.jpg, or .jp2).
    const QByteArray& cscaCertificate() const { return m_cscaCertificate; }
    const QByteArray& cscaKeyPem() const { return m_cscaKeyPem; }
    static QByteArray facePhoto(bool jpeg2000 = false);
    const QList<DemoIssuer>& issuers() const { return m_issuers; }

private:
    QByteArray m_anchorKid;
    PrivateKey m_anchorKey;
    QList<DemoIssuer> m_issuers;
    QList<Holder> m_holders;
    QByteArray m_cscaCertificate, m_cscaKeyPem;
};

} // namespace lz::demo
