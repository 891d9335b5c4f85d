#include "kiosk/KioskSettingsFile.h"

#include "util/DurableFile.h"

#include <QSettings>

namespace lz {

ui::KioskSettings loadKioskSettings(const TerminalConfig& config) {
    ui::KioskSettings k;
    k.venue = config.venue;
    k.retentionDays = config.retentionDays;
    const SettingsLayers s(config.configPath, config.settingsPath);
    const QString language = s.value(QStringLiteral("kiosk/language"), k.language).toString();
    if (ui::supportedLanguages().contains(language))
        k.language = language;
    k.largeText = s.value(QStringLiteral("kiosk/large_text"), k.largeText).toBool();
    k.highContrast = s.value(QStringLiteral("kiosk/high_contrast"), k.highContrast).toBool();
    k.sounds = s.value(QStringLiteral("kiosk/sounds"), k.sounds).toBool();
    k.autoReturnSeconds =
        std::clamp(s.value(QStringLiteral("kiosk/auto_return_seconds"), k.autoReturnSeconds).toInt(), 5, 120);
    k.camera = s.value(QStringLiteral("kiosk/camera"), k.camera).toString();
    k.cameraWidth = s.value(QStringLiteral("kiosk/camera_width"), k.cameraWidth).toInt();
    k.cameraHeight = s.value(QStringLiteral("kiosk/camera_height"), k.cameraHeight).toInt();
    k.pinHash = s.value(QStringLiteral("kiosk/pin_hash")).toString();
    k.operatorId = s.value(QStringLiteral("kiosk/operator")).toString();
    k.windowNo = s.value(QStringLiteral("kiosk/window_no")).toString();
    k.clerks = readClerks(config);
    if (const auto t = venueTypeFromName(s.value(QStringLiteral("venue/type")).toString()))
        k.venue.type = *t;
    if (const QString id = s.value(QStringLiteral("venue/id")).toString(); !id.isEmpty())
        k.venue.venueId = id;
    return k;
}

staff::StaffRoster readClerks(const TerminalConfig& config) {
    SettingsLayers s(config.configPath, config.settingsPath);
    return staff::readRoster(s.layerWith(QStringLiteral("clerks/size")));
}

namespace {
// Every key the kiosk's settings write, with its value.
QList<std::pair<QString, QVariant>> settingsValues(const ui::KioskSettings& k) {
    return {{QStringLiteral("kiosk/language"), k.language},
            {QStringLiteral("kiosk/large_text"), k.largeText},
            {QStringLiteral("kiosk/high_contrast"), k.highContrast},
            {QStringLiteral("kiosk/sounds"), k.sounds},
            {QStringLiteral("kiosk/auto_return_seconds"), k.autoReturnSeconds},
            {QStringLiteral("kiosk/camera"), k.camera},
            {QStringLiteral("kiosk/camera_width"), k.cameraWidth},
            {QStringLiteral("kiosk/camera_height"), k.cameraHeight},
            {QStringLiteral("kiosk/pin_hash"), k.pinHash},
            {QStringLiteral("kiosk/operator"), k.operatorId},
            {QStringLiteral("kiosk/window_no"), k.windowNo},
            {QStringLiteral("venue/type"), venueTypeName(k.venue.type)},
            {QStringLiteral("venue/id"), k.venue.venueId},
            {QStringLiteral("log/retention_days"), k.retentionDays}};
}
} // namespace

QStringList changedSettings(const ui::KioskSettings& before, const ui::KioskSettings& after) {
    const auto a = settingsValues(before), b = settingsValues(after);
    QStringList keys;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).second != b.at(i).second && a.at(i).first != QLatin1String("kiosk/pin_hash") &&
            a.at(i).first != QLatin1String("kiosk/operator"))
            keys.append(a.at(i).first);
    return keys;
}

Expected<void> saveKioskSettings(const TerminalConfig& config, const ui::KioskSettings& k,
                                 const QStringList& keys) {
    if (keys.isEmpty())
        return {};
    // Through a checked scratch copy: QSettings::sync() alone can empty the file on a full disk.
    auto saved = editSettingsDurably(config.settingsPath, [&](QSettings& s) {
        for (const auto& [key, value] : settingsValues(k))
            if (keys.contains(key))
                s.setValue(key, value);
    });
    if (!saved)
        return unexpected(QStringLiteral("settings_not_saved: %1").arg(saved.error().text()));
    return {};
}

Expected<staff::StaffRoster>
changeClerks(const TerminalConfig& config,
             const std::function<std::optional<staff::RosterError>(staff::StaffRoster&)>& change) {
    staff::StaffRoster roster = readClerks(config);
    if (const auto problem = change(roster))
        return unexpected(staff::rosterErrorName(*problem));
    auto saved =
        editSettingsDurably(config.settingsPath, [&](QSettings& s) { staff::writeRoster(s, roster); });
    if (!saved)
        return unexpected(QStringLiteral("settings_not_saved: %1").arg(saved.error().text()));
    return roster;
}

void applyVenueSettings(TerminalConfig& config, const ui::KioskSettings& k) {
    config.venue.type = k.venue.type;
    config.venue.venueId = k.venue.venueId;
    config.retentionDays = k.retentionDays;
    config.sync.retentionDays = k.retentionDays;
}

} // namespace lz
