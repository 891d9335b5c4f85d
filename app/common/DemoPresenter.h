#pragma once
// The demo's wallets: the DEMO holders take turns at the camera, each showing a fresh
// presentation (made when their turn starts, as a phone does when its screen is opened).
#include "demo/DemoKit.h"
#include "verify/Clock.h"

#include <QString>

namespace lz {

class DemoPresenter {
public:
    DemoPresenter(const demo::DemoKit& kit, const Clock& clock, double turnSeconds = 5);
    // The QR text on screen `seconds` after the start.
    QString textAt(double seconds);

private:
    const demo::DemoKit& m_kit;
    const Clock& m_clock;
    double m_turn;
    qint64 m_shownTurn = -1;
    QString m_text;
};

} // namespace lz
