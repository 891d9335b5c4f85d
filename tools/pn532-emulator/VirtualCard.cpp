#include "VirtualCard.h"

#include "wallet/WalletApplet.h"

namespace lz::pn532 {

IsoDepCard::IsoDepCard(QByteArray aid, QByteArray uid)
    : m_aid(std::move(aid))
    , m_uid(std::move(uid)) {}

namespace {
QByteArray isoDepTargetData(const QByteArray& uid) {
    // SENS_RES 00 04, SEL_RES 20 (ISO 14443-4), NFCID1, ATS TL=05 T0=78 (FSCI 8: 256 bytes)
    // TA=80 TB=70 (FWI 7) TC=02 (CID supported). TL is never 0 (libnfc would crash on it).
    return QByteArray::fromHex("000420") + char(uid.size()) + uid + QByteArray::fromHex("0578807002");
}
} // namespace

QByteArray IsoDepCard::targetData() const {
    return isoDepTargetData(m_uid);
}

QByteArray IsoDepCard::transceive(const QByteArray& c) {
    if (c.size() >= 5 && quint8(c[0]) == 0x00 && quint8(c[1]) == 0xA4 && quint8(c[2]) == 0x04) {
        const int lc = quint8(c[4]);
        m_selected = c.size() >= 5 + lc && c.mid(5, lc) == m_aid;
        return QByteArray::fromHex(m_selected ? "9000" : "6a82");
    }
    return QByteArray::fromHex(c.size() < 4 ? "6700" : "6d00");
}

WalletCard::WalletCard(std::shared_ptr<wallet::WalletApplet> applet, QByteArray uid)
    : m_applet(std::move(applet))
    , m_uid(std::move(uid)) {}

QByteArray WalletCard::targetData() const {
    return isoDepTargetData(m_uid);
}

QByteArray WalletCard::transceive(const QByteArray& capdu) {
    return m_applet->process(capdu);
}

ApduCard::ApduCard(std::function<QByteArray(const QByteArray&)> process, QByteArray uid,
                   std::function<void()> powerUp)
    : m_process(std::move(process))
    , m_uid(std::move(uid))
    , m_powerUp(std::move(powerUp)) {}

QByteArray ApduCard::targetData() const {
    return isoDepTargetData(m_uid);
}

TypeBCard::TypeBCard(QByteArray pupi)
    : m_pupi(std::move(pupi)) {}

QByteArray TypeBCard::targetData() const {
    // ATQB: 50 PUPI(4) AppData(4) ProtInfo(3: 00 81 71 — FSCI 8, ISO 14443-4, FWI 7, CID);
    // then ATTRIB_RES length 1 and its byte (MBLI/CID 0).
    return QByteArray::fromHex("50") + m_pupi + QByteArray::fromHex("00000000008171") +
           QByteArray::fromHex("0100");
}

QByteArray TypeBCard::transceive(const QByteArray&) {
    return QByteArray::fromHex("6d00");
}

} // namespace lz::pn532
