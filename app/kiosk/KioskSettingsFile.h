#pragma once
#include <functional>
// Reads and writes the kiosk's settings in the configuration file (docs/kiosk.md): the [kiosk]
// section, and the venue type, venue code and retention that staff may change from the
// settings page. In demo mode the file is kiosk.conf in the throwaway data directory.
#include "common/TerminalConfig.h"
#include "ui/KioskSettings.h"

namespace lz {

ui::KioskSettings loadKioskSettings(const QString& iniPath, const TerminalConfig& config);
// Writes the settings back (QSettings rewrites the file: comments in it are not kept).
Expected<void> saveKioskSettings(const QString& iniPath, const ui::KioskSettings& settings);
// The settings' venue and retention applied to a configuration read from the same file.
// The clerks, changed as the file has them now (another program — liangzheng-cli staff — may have
// changed them since the kiosk read it): read, changed, written back. The settings' own save never
// writes the roster, so it cannot bring back a clerk removed meanwhile.
Expected<staff::StaffRoster>
changeClerks(const QString& iniPath,
             const std::function<std::optional<staff::RosterError>(staff::StaffRoster&)>& change);

void applyVenueSettings(TerminalConfig& config, const ui::KioskSettings& settings);

} // namespace lz
