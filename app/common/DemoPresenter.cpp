#include "common/DemoPresenter.h"

#include "credential/Presentation.h"
#include "credential/QrPayload.h"

#include <cmath>

namespace lz {

PhoneScene demoPhoneScene() {
    PhoneScene s;
    s.modulePx = 4.5;
    s.rotationDeg = -8;
    s.tiltX = 0.08;
    s.blurSigma = 0.5;
    s.seed = 7;
    return s;
}

DemoPresenter::DemoPresenter(const demo::DemoKit& kit, const Clock& clock, DemoScript script)
    : m_kit(kit)
    , m_clock(clock)
    , m_script(script) {}

QString DemoPresenter::textAt(double seconds) {
    const qint64 turn = qint64(std::floor(seconds / m_script.turnSeconds));
    if (m_kit.holders().isEmpty())
        return {};
    if (seconds - double(turn) * m_script.turnSeconds >= m_script.turnSeconds - m_script.blankSeconds)
        return {};
    if (turn != m_shownTurn) {
        const auto& h = m_kit.holders().at(turn % m_kit.holders().size());
        const qint64 step = turn % 6;
        if (m_script.mistakes && step == 3) {
            // A screenshot taken six minutes ago: presentation_expired.
            m_text = qr::encode(Presentation::make(h.credential, m_clock.now() - 360).sign(h.deviceKey));
        } else if (m_script.mistakes && step == 5 && !m_lastFresh.isEmpty()) {
            m_text = m_lastFresh; // shown before: replayed
        } else {
            m_text = qr::encode(Presentation::make(h.credential, m_clock.now()).sign(h.deviceKey));
            m_lastFresh = m_text;
        }
        m_shownTurn = turn;
    }
    return m_text;
}

} // namespace lz
