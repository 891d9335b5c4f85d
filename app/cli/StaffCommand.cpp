// staff set-pin: the kiosk's staff PIN, read from standard input (never from the command line,
// where it would stay in the shell history and show in `ps`), stored as a salted hash in the
// configuration file's [kiosk] section.
#include "Commands.h"
#include "staff/StaffPin.h"

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
    if (auto saved = editSettingsDurably(
            configPath, [&](QSettings& s) { s.setValue(QStringLiteral("kiosk/pin_hash"), *hash); });
        !saved)
        return cli::fail(saved.error());
    std::fprintf(stdout, "staff PIN set in %s\n", qPrintable(configPath));
    return cli::kExitOk;
}

} // namespace lz::clicmd
