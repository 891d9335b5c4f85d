#pragma once
// The demo's wallets: the DEMO holders take turns at the camera, each showing a fresh
// presentation (made when their turn starts, as a phone does when its screen is opened).
// For the kiosk's demo the phone also goes blank between turns (so the Ready screen shows) and
// now and then shows what a desk must refuse: a six-minute-old code, or a code already used.
#include "camera/PhoneScreenRenderer.h"
#include "demo/DemoKit.h"
#include "verify/Clock.h"

#include <QString>

namespace lz {

struct DemoScript {
    double turnSeconds = 5;
    double blankSeconds = 0; // the last part of each turn shows no code
    bool mistakes = false;   // every sixth turn an expired code, every sixth (offset) a replayed one
};

// The demo's phone at the camera: held a little turned and tilted, slightly soft, as at a real
// desk (the CLI's `scan --synthetic` and the kiosk's demo camera).
PhoneScene demoPhoneScene();

class DemoPresenter {
public:
    DemoPresenter(const demo::DemoKit& kit, const Clock& clock, DemoScript script = {});
    // The QR text on screen `seconds` after the start ("" while the phone is blank).
    QString textAt(double seconds);

private:
    const demo::DemoKit& m_kit;
    const Clock& m_clock;
    DemoScript m_script;
    qint64 m_shownTurn = -1;
    QString m_text;
    QString m_lastFresh; // a code already shown: the replay the demo shows later
};

} // namespace lz
