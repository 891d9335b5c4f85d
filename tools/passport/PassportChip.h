#pragma once
// An eMRTD chip, APDU by APDU (ICAO 9303-10/-11), for the emulated reader and the tests: the
// eMRTD application, BAC or PACE with the key of its MRZ, 3DES or AES secure messaging, SELECT EF
// and READ BINARY (B0, and B1 past 32 767) over its LDS files, INTERNAL AUTHENTICATE with its
// active-authentication key. Broken chips for tests: another MRZ key (BAC refused), another AA
// key than DG15's (a clone), tampered files (passive authentication's business, not the chip's).
#include "icao/Mrz.h"
#include "icao/PaceSession.h"
#include "icao/SecureMessaging.h"

#include <QMap>
#include <functional>
#include <optional>

namespace lz::passport {

class PassportChip {
public:
    PassportChip(icao::MrzKey key, QMap<quint16, QByteArray> files,
                 std::function<QByteArray(int)> random = {});
    // Offer PACE (EF.CardAccess with this PACEInfo) as well as BAC.
    void enablePace(const icao::PaceInfo& info);
    // Answer INTERNAL AUTHENTICATE with this private key (active authentication; DG15 holds
    // its public key, unless the chip is a clone).
    void enableActiveAuthentication(const QByteArray& privateKeyPem) { m_aaKey = privateKeyPem; }
    QByteArray process(const QByteArray& capdu);
    bool secured() const { return m_sm.has_value(); }
    void powerUp(); // back to the reset state: nothing selected, no secure messaging

private:
    QByteArray plain(const nfc::CommandApdu& c);
    nfc::ResponseApdu inside(const nfc::CommandApdu& c); // under secure messaging
    void reset();

    icao::MrzKey m_key;
    QMap<quint16, QByteArray> m_files;
    std::function<QByteArray(int)> m_random;
    bool m_selected = false;
    QByteArray m_rndIc;
    std::optional<icao::SecureMessaging> m_sm;
    std::optional<quint16> m_current;
    std::optional<icao::PaceChip> m_pace;
    QByteArray m_cardAccess;
    QByteArray m_aaKey;
    bool m_cardAccessSelected = false;
};

} // namespace lz::passport
