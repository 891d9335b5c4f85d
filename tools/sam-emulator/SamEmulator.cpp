#include "SamEmulator.h"

#include "idcard/SamStatus.h"

#include <QtEndian>

namespace lz::samemu {

using idcard::SamCommand;
using idcard::SamStatus;

SamEmulator::SamEmulator(QByteArray samId, SamFaults faults, SamDelays delays)
    : m_samId(std::move(samId))
    , m_faults(faults)
    , m_delays(delays) {}

void SamEmulator::place(int n) {
    m_present = n;
    m_found = m_selected = m_read = false;
}

void SamEmulator::lift() {
    m_present.reset();
    m_found = m_selected = m_read = false;
}

SamEmulator::Answer SamEmulator::answer(quint8 sw3, const QByteArray& data, int workMs) {
    QByteArray f = idcard::encodeAnswer(sw3, data);
    ++m_answers;
    if (m_faults.badChecksumEvery > 0 && m_answers % m_faults.badChecksumEvery == 0)
        f[f.size() - 1] = char(f[f.size() - 1] ^ 0x5a);
    return {f, workMs};
}

SamEmulator::Answer SamEmulator::handle(const idcard::SamFrame& request) {
    if (m_faults.silent)
        return {};
    if (request.body.size() < 2)
        return answer(quint8(SamStatus::LengthError), {}, m_delays.other);
    const auto command = SamCommand((quint8(request.body[0]) << 8) | quint8(request.body[1]));
    const bool cardHere = m_present && *m_present >= 0 && *m_present < m_cards.size();
    switch (command) {
    case SamCommand::ResetSam:
    case SamCommand::SamStatus:
        return answer(quint8(SamStatus::Ok), {}, m_delays.other);
    case SamCommand::SamId:
        return answer(quint8(SamStatus::Ok), m_samId, m_delays.other);
    case SamCommand::FindCard:
        // A card that has been read stays selected and answers no new search until it is lifted
        // and laid again (ISO 14443-B: only an idle card answers REQB).
        if (!cardHere || m_read)
            return answer(quint8(SamStatus::FindFailed), {}, m_delays.find);
        m_found = true;
        return answer(quint8(SamStatus::CardFound), QByteArray(4, '\0'), m_delays.find);
    case SamCommand::SelectCard:
        if (!cardHere || !m_found || m_faults.selectFails)
            return answer(quint8(SamStatus::SelectFailed), {}, m_delays.select);
        m_selected = true;
        return answer(quint8(SamStatus::Ok), QByteArray(8, '\0'), m_delays.select);
    case SamCommand::ReadText:
    case SamCommand::ReadTextFingerprint: {
        if (!cardHere || !m_selected)
            return answer(quint8(SamStatus::ReadFailed), {}, m_delays.read);
        if (m_faults.liftDuringRead) {
            lift();
            return answer(quint8(SamStatus::ReadFailed), {}, m_delays.read / 2);
        }
        if (m_faults.readStatus)
            return answer(m_faults.readStatus, {}, m_delays.read);
        const CardFiles& card = m_cards.at(*m_present);
        const bool fingerprint = command == SamCommand::ReadTextFingerprint;
        QByteArray data(fingerprint ? 6 : 4, '\0');
        qToBigEndian<quint16>(quint16(card.text.size()), data.data());
        qToBigEndian<quint16>(quint16(card.photo.size()), data.data() + 2);
        data += card.text + card.photo; // no fingerprint on the demo cards: its length stays 0
        m_read = true;
        return answer(quint8(SamStatus::Ok), data, m_delays.read);
    }
    case SamCommand::ReadNewAddress:
        if (!cardHere || !m_selected)
            return answer(quint8(SamStatus::ReadFailed), {}, m_delays.read);
        if (!m_faults.newAddress.isEmpty()) {
            QByteArray address(idcard::kNewAddressSize, '\0');
            const QString padded = m_faults.newAddress.left(idcard::kNewAddressSize / 2)
                                       .leftJustified(idcard::kNewAddressSize / 2, QLatin1Char(' '));
            for (int i = 0; i < padded.size(); ++i)
                qToLittleEndian<quint16>(padded.at(i).unicode(), address.data() + 2 * i);
            return answer(quint8(SamStatus::Ok), address, m_delays.read / 4);
        }
        return answer(quint8(SamStatus::NoContent), {}, m_delays.read / 4);
    }
    return answer(quint8(SamStatus::BadCommand), {}, m_delays.other);
}

} // namespace lz::samemu
