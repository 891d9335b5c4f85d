#pragma once
// The phone's side of the NFC wallet protocol (core/nfc/WalletProtocol.h): what the holder's
// wallet app answers, APDU by APDU, when the phone lies on the terminal's reader. Used by
// `lz-wallet nfc` (APDUs on stdin/stdout) and hosted by the emulated PN532 as a virtual card.
#include "crypto/Keys.h"

#include <QByteArray>
#include <functional>

namespace lz::wallet {

class WalletApplet {
public:
    // lifetime: seconds the signed answer stays valid (from the terminal's time in the challenge).
    // clock: the phone's own time (default: the system's); a challenge whose time is further
    // than kMaxClockGap from it is refused, so that a rogue reader cannot collect answers for a
    // later moment. (A real wallet also asks the holder's consent before signing; the emulated
    // phone consents.)
    explicit WalletApplet(QByteArray credential, PrivateKey deviceKey, std::function<qint64()> clock = {},
                          qint64 lifetime = 60);
    static constexpr qint64 kMaxClockGap = 300;

    // The holder's portrait JPEG (≤ 16 KiB), announced in the application info and read with
    // READ PORTRAIT — only after a challenge was answered in this selection.
    void setPortrait(QByteArray jpeg) { m_portrait = std::move(jpeg); }

    // One C-APDU in, one R-APDU out (never empty: at least the status word).
    QByteArray process(const QByteArray& capdu);
    int signatures() const { return m_signatures; }

private:
    QByteArray signChallenge(const QByteArray& data);
    QByteArray nextChunk(int le);
    QByteArray readPortrait(int offset, int le);

    QByteArray m_credential;
    PrivateKey m_deviceKey;
    std::function<qint64()> m_clock;
    qint64 m_lifetime;
    bool m_selected = false;
    bool m_answered = false; // a challenge was answered since SELECT
    QByteArray m_portrait;
    QByteArray m_pending; // the rest of the last answer, for GET RESPONSE
    int m_signatures = 0;
};

} // namespace lz::wallet
