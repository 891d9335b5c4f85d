#pragma once
// The kiosk's own settings (the [kiosk] section of the configuration, docs/kiosk.md) and the
// venue settings staff may change from the settings page. Plain values; app/kiosk reads and
// writes them.
#include "log/Registration.h"
#include "staff/StaffRoster.h"

#include <QString>

namespace lz::ui {

struct KioskSettings {
    QString language = QStringLiteral("zh_CN"); // zh_CN, zh_TW, en
    bool largeText = false;                     // elder mode: larger type everywhere
    bool highContrast = false;
    bool sounds = true;
    int autoReturnSeconds = 15; // result screen → ready, counted from the last touch
    QString camera;             // device index, /dev/videoN, or a video file; "" = default / demo
    int cameraWidth = 1280, cameraHeight = 720;
    QString pinHash;           // staff PIN (StaffPin hash); empty = staff mode closed until one is set
    QString operatorId;        // the clerk on duty (the last clerk signed in), written into each registration
    staff::StaffRoster clerks; // each clerk's staff number and PIN hash (the administrator's is pinHash)
    // Venue (the [venue] section) and retention (the [log] section)
    VenueContext venue;
    int retentionDays = 30;
    QString windowNo; // government window: this window's number, prefilled in the form
};

QStringList supportedLanguages(); // zh_CN, zh_TW, en

} // namespace lz::ui
