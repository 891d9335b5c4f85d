#pragma once
// The terminal's settings in two layers (docs/configuration.md "Defaults and settings"):
//  - the defaults: the configuration file (/etc/liangzheng/liangzheng.conf, the package's conffile
//    or the roll-out's), which the terminal only reads;
//  - the settings: what enrolment and the staff pages decide (<state dir>/settings.conf), written
//    by the terminal.
// A key in the settings wins over the same key in the defaults. One file alone (the demo, a
// developer's file without a state directory) is both.
#include <QSettings>
#include <QString>
#include <QVariant>
#include <memory>

namespace lz {

class SettingsLayers {
public:
    SettingsLayers(const QString& defaultsPath, const QString& settingsPath);
    explicit SettingsLayers(const QString& onlyPath)
        : SettingsLayers(onlyPath, onlyPath) {}

    // The settings' value, else the defaults', else `fallback`.
    QVariant value(const QString& key, const QVariant& fallback = {}) const;
    bool contains(const QString& key) const;
    // The directory of the file the key's value comes from: relative paths in a value are relative
    // to it (a path enrolment wrote is in the state directory, a path of the roll-out in /etc).
    QString dirOf(const QString& key) const;
    // Either file unreadable as INI.
    bool valid() const;
    // Where the terminal writes (staff settings, PINs, clerks, enrolment).
    QString settingsPath() const { return m_settingsPath; }
    // The layer a key comes from: a list (the clerks' roster) is read whole from one layer.
    QSettings& layerWith(const QString& key) { return m_settings->contains(key) ? *m_settings : *m_defaults; }

private:
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_defaults, m_settings;
};

} // namespace lz
