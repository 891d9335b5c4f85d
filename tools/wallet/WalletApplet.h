#pragma once
// The phone's side of the NFC wallet protocol (core/nfc/WalletProtocol.h): what the holder's
// wallet app answers, APDU by APDU, when the phone lies on the terminal's reader. Used by
// `lz-wallet nfc` (APDUs on stdin/stdout) and hosted by the emulated PN532 as a virtual card.
#include "crypto/Keys.h"

#include <QByteArray>

namespace lz::wallet {

class WalletApplet {
public:
    // lifetime: seconds the signed answer stays valid (from the terminal's time in the challenge).
    WalletApplet(QByteArray credential, PrivateKey deviceKey, qint64 lifetime = 60);

    // One C-APDU in, one R-APDU out (never empty: at least the status word).
    QByteArray process(const QByteArray& capdu);
    int signatures() const { return m_signatures; }

private:
    QByteArray signChallenge(const QByteArray& data);
    QByteArray nextChunk(int le);

    QByteArray m_credential;
    PrivateKey m_deviceKey;
    qint64 m_lifetime;
    bool m_selected = false;
    QByteArray m_pending; // the rest of the last answer, for GET RESPONSE
    int m_signatures = 0;
};

} // namespace lz::wallet
