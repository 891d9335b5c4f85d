#include "Pn532Emulator.h"

namespace lz::pn532 {
namespace {
// Status bytes (PN532 User Manual §7.1). Bit 7 (NAD) is never set: libnfc aborts on it.
constexpr char kOk = 0x00;
constexpr char kTimeout = 0x01;    // the card did not answer: libnfc reads "card gone" from this
constexpr char kNotAllowed = 0x27; // no active target
} // namespace

Pn532Emulator::Pn532Emulator(Faults faults)
    : m_faults(faults) {}

void Pn532Emulator::setPresent(bool present, int only) {
    if (present)
        m_only = only;
    if (present && !m_present) {
        m_removed = false;
        for (const auto& card : m_cards)
            card->powerUp();
    }
    m_present = present;
    if (!present)
        m_active = nullptr;
}

std::optional<QByteArray> Pn532Emulator::handle(const QByteArray& command) {
    if (command.isEmpty())
        return std::nullopt;
    const quint8 code = quint8(command[0]);
    const QByteArray params = command.mid(1);
    QByteArray out(1, char(code + 1));
    switch (code) {
    case 0x00: // Diagnose: the communication-line test echoes its data; other tests answer OK
        if (!params.isEmpty() && params[0] == '\0')
            return out + params;
        return out + QByteArray(1, kOk);
    case 0x02:                                        // GetFirmwareVersion
        return out + QByteArray::fromHex("32010607"); // PN532 v1.6, ISO 14443-A/B (0x02 needed for B)
    case 0x06:                                        // ReadRegister: one byte per 16-bit address
        return out + QByteArray(params.size() / 2, '\0');
    case 0x08: // WriteRegister
    case 0x12: // SetParameters
    case 0x14: // SAMConfiguration
    case 0x32: // RFConfiguration
        return out;
    case 0x16: // PowerDown
        return out + QByteArray(1, kOk);
    case 0x44: // InDeselect
    case 0x52: // InRelease
        m_active = nullptr;
        return out + QByteArray(1, kOk);
    case 0x4A:
        return out + listPassiveTarget(params);
    case 0x40: {
        QByteArray answer = dataExchange(params);
        if (answer.isEmpty())
            return std::nullopt; // stalled
        return out + answer;
    }
    case 0x42: // InCommunicateThru: libnfc's presence ping (R(NAK)); answer R(ACK) while present
        if (!m_active || !present())
            return out + QByteArray(1, kTimeout);
        return out + QByteArray(1, kOk) + char(0xA2);
    default:
        return out + QByteArray(1, kNotAllowed);
    }
}

QByteArray Pn532Emulator::listPassiveTarget(const QByteArray& params) {
    const quint8 brTy = params.size() >= 2 ? quint8(params[1]) : 0xff;
    if (m_polls++ < m_faults.cardAppearsAfterPolls || !present())
        return QByteArray(1, '\0'); // NbTg 0
    for (std::size_t i = 0; i < m_cards.size(); ++i)
        if (const auto& card = m_cards[i]; card->brTy() == brTy && (m_only < 0 || std::size_t(m_only) == i)) {
            m_active = card.get();
            return QByteArray::fromHex("0101") + card->targetData(); // NbTg 1, Tg 1
        }
    return QByteArray(1, '\0');
}

QByteArray Pn532Emulator::dataExchange(const QByteArray& params) {
    if (!m_active)
        return QByteArray(1, kNotAllowed);
    ++m_apdus;
    if (m_faults.removeCardAtApdu > 0 && m_apdus == m_faults.removeCardAtApdu)
        m_removed = true;
    if (m_apdus == m_faults.stallAtApdu)
        return {};
    if (m_apdus == m_faults.nadAtApdu)
        return QByteArray(1, char(0x80)) + QByteArray::fromHex("9000");
    if (!present())
        return QByteArray(1, kTimeout);
    return QByteArray(1, kOk) + m_active->transceive(params.mid(1)); // params[0]: Tg
}

} // namespace lz::pn532
