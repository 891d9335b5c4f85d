#pragma once
// Reads and writes the kiosk's settings (docs/kiosk.md, docs/configuration.md "Defaults and
// settings"): the [kiosk] section, and the venue type, venue code and retention that staff may
// change from the settings page. Read from the defaults and the settings together; written to the
// settings file only (in the demo both are kiosk.conf in the throwaway data directory).
#include "common/TerminalConfig.h"
#include "ui/KioskSettings.h"

#include <functional>

namespace lz {

ui::KioskSettings loadKioskSettings(const TerminalConfig& config);
// Writes the given keys of the settings to config.settingsPath (QSettings rewrites that file:
// comments in it are not kept; the defaults file is never written). Only the keys staff changed:
// a key written there overrides the defaults for good, and a value the kiosk holds in memory may
// be older than the files (a PIN `staff set-pin` changed meanwhile).
Expected<void> saveKioskSettings(const TerminalConfig& config, const ui::KioskSettings& settings,
                                 const QStringList& keys);
// The settings keys whose values differ between `before` and `after` (not the PIN, the clerk on
// duty or the roster, which are saved on their own).
QStringList changedSettings(const ui::KioskSettings& before, const ui::KioskSettings& after);
// The clerks, changed as the files have them now (another program — liangzheng-cli staff — may
// have changed them since the kiosk read them): read, changed, written to the settings. The
// settings' own save never writes the roster, so it cannot bring back a clerk removed meanwhile.
Expected<staff::StaffRoster>
changeClerks(const TerminalConfig& config,
             const std::function<std::optional<staff::RosterError>(staff::StaffRoster&)>& change);
// The roster as the files have it now.
staff::StaffRoster readClerks(const TerminalConfig& config);

// The settings' venue and retention applied to a configuration read from the same files.
void applyVenueSettings(TerminalConfig& config, const ui::KioskSettings& settings);

} // namespace lz
