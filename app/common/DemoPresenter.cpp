#include "common/DemoPresenter.h"

#include "credential/Presentation.h"
#include "credential/QrPayload.h"

#include <cmath>

namespace lz {

DemoPresenter::DemoPresenter(const demo::DemoKit& kit, const Clock& clock, double turnSeconds)
    : m_kit(kit)
    , m_clock(clock)
    , m_turn(turnSeconds) {}

QString DemoPresenter::textAt(double seconds) {
    const qint64 turn = qint64(std::floor(seconds / m_turn));
    if (turn != m_shownTurn && !m_kit.holders().isEmpty()) {
        const auto& h = m_kit.holders().at(turn % m_kit.holders().size());
        m_text = qr::encode(Presentation::make(h.credential, m_clock.now()).sign(h.deviceKey));
        m_shownTurn = turn;
    }
    return m_text;
}

} // namespace lz
