#include "passport/PassportChip.h"

#include "icao/ActiveAuth.h"
#include "icao/Bac.h"
#include "icao/Tlv.h"

#include <openssl/rand.h>

namespace lz::passport {

using nfc::CommandApdu;
using nfc::ResponseApdu;

namespace {
QByteArray status(quint16 sw) {
    return ResponseApdu{{}, sw}.encode();
}
QByteArray randomBytes(int n) {
    QByteArray b(n, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(b.data()), n);
    return b;
}
} // namespace

PassportChip::PassportChip(icao::MrzKey key, QMap<quint16, QByteArray> files,
                           std::function<QByteArray(int)> random)
    : m_key(std::move(key))
    , m_files(std::move(files))
    , m_random(random ? std::move(random) : randomBytes) {}

void PassportChip::enablePace(const icao::PaceInfo& info) {
    m_pace.emplace(m_key, info, m_random);
    m_cardAccess = icao::encodeCardAccess(info);
}

void PassportChip::powerUp() {
    reset();
    m_selected = false;
    m_cardAccessSelected = false;
}

void PassportChip::reset() {
    m_sm.reset();
    m_rndIc.clear();
    m_current.reset();
}

QByteArray PassportChip::process(const QByteArray& bytes) {
    if (m_sm) {
        // Under secure messaging every command must be protected; anything else ends it (9303-11 §9.8.4).
        auto c = m_sm->unprotectCommand(bytes);
        if (!c) {
            reset();
            return status(c.error().code == nfc::NfcCode::SmMissingObjects ? 0x6987 : 0x6988);
        }
        return m_sm->protectResponse(inside(*c));
    }
    auto c = CommandApdu::parse(bytes);
    return c ? plain(*c) : status(0x6700);
}

QByteArray PassportChip::plain(const CommandApdu& c) {
    // EF.CardAccess lies in the master file and is read without access control.
    if (c.ins == 0xA4 && c.p1 == 0x02 && c.data == QByteArray::fromHex("011C")) {
        m_cardAccessSelected = !m_cardAccess.isEmpty();
        return status(m_cardAccessSelected ? 0x9000 : 0x6A82);
    }
    if (c.ins == 0xB0 && m_cardAccessSelected && !m_selected) {
        const QByteArray part = m_cardAccess.mid((c.p1 & 0x7F) << 8 | c.p2, c.le < 0 ? 256 : c.le);
        return ResponseApdu{part, quint16(part.size() < c.le ? 0x6282 : 0x9000)}.encode();
    }
    if (m_pace && (c.ins == 0x22 || c.ins == 0x86)) {
        const ResponseApdu r = m_pace->handle(c);
        if (auto keys = m_pace->keys(); keys && c.ins == 0x86) {
            m_sm.emplace(*keys);
            m_selected = false; // the application is selected under secure messaging
        }
        return r.encode();
    }
    if (c.ins == 0xA4 && c.p1 == 0x04) { // SELECT the eMRTD application
        m_selected = c.data == QByteArray::fromHex("A0000002471001");
        return status(m_selected ? 0x9000 : 0x6A82);
    }
    if (!m_selected)
        return status(0x6985);
    if (c.ins == 0x84 && c.le == 8) { // GET CHALLENGE
        m_rndIc = m_random(8);
        return ResponseApdu{m_rndIc, 0x9000}.encode();
    }
    if (c.ins == 0x82 && c.data.size() == 40 && m_rndIc.size() == 8) { // EXTERNAL AUTHENTICATE
        const icao::Bac bac(m_key);
        const QByteArray e = c.data.left(32);
        if (icao::retailMac(bac.kMac(), icao::padIso9797(e)) != c.data.mid(32))
            return status(0x6300); // not this MRZ's key
        const QByteArray s = icao::tdesCbc(bac.kEnc(), e, false);
        if (s.mid(8, 8) != m_rndIc)
            return status(0x6300);
        const QByteArray rndIfd = s.left(8), kIfd = s.mid(16, 16), kIc = m_random(16);
        const QByteArray r = icao::tdesCbc(bac.kEnc(), m_rndIc + rndIfd + kIc, true);
        QByteArray seed(16, '\0');
        for (int i = 0; i < 16; ++i)
            seed[i] = char(kIfd[i] ^ kIc[i]);
        m_sm.emplace(icao::SessionKeys{icao::deriveDesKey(seed, 1), icao::deriveDesKey(seed, 2),
                                       m_rndIc.right(4) + rndIfd.right(4)});
        m_rndIc.clear();
        return ResponseApdu{r + icao::retailMac(bac.kMac(), icao::padIso9797(r)), 0x9000}.encode();
    }
    return status(0x6982); // the files need access control first
}

ResponseApdu PassportChip::inside(const CommandApdu& c) {
    if (c.ins == 0xA4 && c.p1 == 0x04) { // SELECT the eMRTD application (after PACE)
        m_selected = c.data == QByteArray::fromHex("A0000002471001");
        return {{}, quint16(m_selected ? 0x9000 : 0x6A82)};
    }
    if (c.ins == 0xA4 && c.p1 == 0x02 && c.data.size() == 2) { // SELECT EF
        const quint16 fid = quint16(quint8(c.data[0]) << 8 | quint8(c.data[1]));
        if (!m_files.contains(fid))
            return {{}, 0x6A82};
        m_current = fid;
        return {{}, 0x9000};
    }
    if (c.ins == 0xB0) { // READ BINARY
        if (!m_current)
            return {{}, 0x6986};
        const QByteArray& f = m_files.value(*m_current);
        const int offset = (c.p1 & 0x7F) << 8 | c.p2;
        if (offset >= f.size())
            return {{}, 0x6B00};
        const QByteArray part = f.mid(offset, c.le < 0 ? 256 : c.le);
        return {part, quint16(part.size() < c.le ? 0x6282 : 0x9000)};
    }
    if (c.ins == 0x88 && !m_aaKey.isEmpty()) { // INTERNAL AUTHENTICATE (active authentication)
        if (c.data.size() != 8)
            return {{}, 0x6700};
        const QByteArray signature = icao::activeAuthSign(m_aaKey, c.data);
        return {signature, quint16(signature.isEmpty() ? 0x6F00 : 0x9000)};
    }
    if (c.ins == 0xB1) { // READ BINARY, odd INS (ISO 7816-4 §11.2.3): offset in DO'54', data in DO'53'
        if (!m_current)
            return {{}, 0x6986};
        auto offsetObject = icao::Tlv::parse(c.data);
        if (!offsetObject || offsetObject->tag != 0x54 || offsetObject->value.isEmpty() ||
            offsetObject->value.size() > 3)
            return {{}, 0x6A80};
        int offset = 0;
        for (char b : offsetObject->value)
            offset = offset << 8 | quint8(b);
        const QByteArray& f = m_files.value(*m_current);
        if (offset >= f.size())
            return {{}, 0x6B00};
        // Le counts the whole DO'53': tag, length (81 xx past 127 bytes) and data.
        const int le = c.le < 0 ? 256 : c.le;
        if (le < 3)
            return {{}, 0x6700};
        const QByteArray part = f.mid(offset, le - (le - 2 > 127 ? 3 : 2));
        QByteArray length = part.size() < 0x80 ? QByteArray(1, char(part.size()))
                                               : QByteArray(1, char(0x81)) + char(part.size());
        return {QByteArray(1, char(0x53)) + length + part, 0x9000};
    }
    return {{}, 0x6D00};
}

} // namespace lz::passport
