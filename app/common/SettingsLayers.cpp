#include "common/SettingsLayers.h"

#include <QFileInfo>

namespace lz {

SettingsLayers::SettingsLayers(const QString& defaultsPath, const QString& settingsPath)
    : m_settingsPath(settingsPath)
    , m_defaults(std::make_unique<QSettings>(defaultsPath, QSettings::IniFormat))
    , m_settings(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat)) {}

QVariant SettingsLayers::value(const QString& key, const QVariant& fallback) const {
    if (m_settings->contains(key))
        return m_settings->value(key);
    return m_defaults->value(key, fallback);
}

bool SettingsLayers::contains(const QString& key) const {
    return m_settings->contains(key) || m_defaults->contains(key);
}

QString SettingsLayers::dirOf(const QString& key) const {
    const QSettings& from = m_settings->contains(key) ? *m_settings : *m_defaults;
    return QFileInfo(from.fileName()).absolutePath();
}

bool SettingsLayers::valid() const {
    return m_defaults->status() == QSettings::NoError && m_settings->status() == QSettings::NoError;
}

} // namespace lz
