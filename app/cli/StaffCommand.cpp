// staff set-pin: the kiosk's administrator PIN, read from standard input (never from the command
// line, where it would stay in the shell history and show in `ps`), stored as a salted hash in the
// terminal's settings ([kiosk] pin_hash in <state>/settings.conf: docs/configuration.md "Defaults and
// settings"; the configuration file itself is never written). staff add-clerk / remove-clerk /
// clerks: each clerk's own staff number and PIN (issue 18), in the settings' [clerks] array, for
// scripted roll-outs. Both work before enrolment: they need only [state] from the configuration.
#include "Commands.h"
#include "common/TerminalConfig.h"
#include "staff/StaffPin.h"
#include "staff/StaffRoster.h"

#include "util/DurableFile.h"
#include <QFileInfo>

#include <QSettings>
#include <QTextStream>
#include <cstdio>

namespace lz::clicmd {

int staffSetPin(const QString& configPath) {
    if (!QFileInfo::exists(configPath))
        return cli::fail(QStringLiteral("%1 does not exist").arg(configPath));
    QTextStream in(stdin);
    const QString pin = in.readLine().trimmed();
    if (!staff::acceptablePin(pin))
        return cli::fail(
            QStringLiteral("pin_unacceptable: the PIN must be 4 to 12 digits (read from stdin)"));
    auto hash = staff::hashPin(pin);
    if (!hash)
        return cli::fail(hash.error());
    // Through a checked scratch copy: QSettings::sync() alone can empty the file on a full disk.
    const QString settings = TerminalConfig::settingsPathFor(configPath);
    if (auto saved = editSettingsDurably(
            settings, [&](QSettings& s) { s.setValue(QStringLiteral("kiosk/pin_hash"), *hash); });
        !saved)
        return cli::fail(saved.error());
    std::fprintf(stdout, "staff PIN set in %s\n", qPrintable(settings));
    return cli::kExitOk;
}

int staffClerks(const QString& configPath, const cli::Options& o) {
    if (!QFileInfo::exists(configPath))
        return cli::fail(QStringLiteral("%1 does not exist").arg(configPath));
    const QStringList words = o.positional();
    const QString sub = words.value(1);
    const QString settings = TerminalConfig::settingsPathFor(configPath);
    staff::StaffRoster roster;
    {
        SettingsLayers s(configPath, settings);
        roster = staff::readRoster(s.layerWith(QStringLiteral("clerks/size")));
    }
    if (sub == QLatin1String("clerks")) {
        for (const staff::StaffMember& m : roster.members()) // numbers only: names are for the screen
            std::fprintf(stdout, "%s\n", qPrintable(m.id));
        return cli::kExitOk;
    }
    if (words.size() != 3)
        return cli::fail(
            QStringLiteral("usage: staff add-clerk ID [--name N] (PIN on stdin) | staff remove-clerk ID"));
    std::optional<staff::RosterError> problem;
    if (sub == QLatin1String("add-clerk")) {
        QTextStream in(stdin);
        const QString pin = in.readLine().trimmed();
        if (!staff::acceptablePin(pin))
            return cli::fail(
                QStringLiteral("pin_unacceptable: the PIN must be 4 to 12 digits (read from stdin)"));
        auto hash = staff::hashPin(pin);
        if (!hash)
            return cli::fail(hash.error());
        problem = roster.put({words.at(2), o.value(QStringLiteral("--name")), *hash});
    } else {
        problem = roster.remove(words.at(2));
    }
    if (problem)
        return cli::fail(QStringLiteral("%1: %2").arg(staff::rosterErrorName(*problem), words.at(2)));
    if (auto saved = editSettingsDurably(settings, [&](QSettings& s) { staff::writeRoster(s, roster); });
        !saved)
        return cli::fail(saved.error());
    std::fprintf(stdout, "%s %s\n", sub == QLatin1String("add-clerk") ? "clerk set:" : "clerk removed:",
                 qPrintable(words.at(2)));
    return cli::kExitOk;
}

} // namespace lz::clicmd
