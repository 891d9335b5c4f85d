#include "common/TerminalConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace lz {

namespace {
// [state] dir of the file alone, relative to the file's directory.
QString stateDirOf(const QString& path) {
    const QSettings file(path, QSettings::IniFormat);
    return QFileInfo(path).absoluteDir().filePath(
        file.value(QStringLiteral("state/dir"), QStringLiteral("/var/lib/liangzheng")).toString());
}
} // namespace

QString TerminalConfig::stateDirFor(const QString& path) {
    return stateDirOf(path);
}

QString TerminalConfig::settingsPathFor(const QString& path) {
    const QSettings file(path, QSettings::IniFormat);
    const QString settings = file.value(QStringLiteral("state/settings")).toString();
    if (!settings.isEmpty())
        return QFileInfo(path).absoluteDir().filePath(settings);
    return QDir(stateDirOf(path)).filePath(QStringLiteral("settings.conf"));
}

Expected<TerminalConfig> TerminalConfig::fromFile(const QString& path) {
    if (!QFileInfo::exists(path))
        return unexpected(QStringLiteral("configuration file %1 does not exist").arg(path));
    if (QSettings(path, QSettings::IniFormat).status() != QSettings::NoError)
        return unexpected(QStringLiteral("configuration file %1 is not a valid INI file").arg(path));
    TerminalConfig c;
    c.configPath = path;
    c.settingsPath = settingsPathFor(path);
    const SettingsLayers s(path, c.settingsPath);
    if (!s.valid())
        return unexpected(QStringLiteral("settings file %1 is not a valid INI file").arg(c.settingsPath));
    // trust/anchors = kid=path.pem, kid2=path2.pem   (two anchors during an anchor rotation)
    QStringList anchors = s.value(QStringLiteral("trust/anchors")).toStringList();
    anchors.removeAll(QString());
    const QDir anchorDir(s.dirOf(QStringLiteral("trust/anchors")));
    for (const QString& entry : anchors) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return unexpected(QStringLiteral("trust/anchors: '%1' is not kid=file.pem").arg(entry));
        QFile f(anchorDir.filePath(entry.mid(eq + 1).trimmed()));
        if (!f.open(QIODevice::ReadOnly))
            return unexpected(QStringLiteral("trust anchor file %1 cannot be read").arg(f.fileName()));
        auto key = PublicKey::fromPem(f.readAll());
        if (!key)
            return unexpected(QStringLiteral("trust anchor %1: %2").arg(f.fileName(), key.error()));
        c.anchors.append({entry.left(eq).trimmed().toUtf8(), *key});
    }
    if (c.anchors.isEmpty())
        return unexpected(QStringLiteral("configuration names no trust anchor (trust/anchors)"));
    c.stateDir = stateDirOf(path);
    c.trustCache = QDir(c.stateDir).filePath(QStringLiteral("trust-list.cose"));
    bool skewOk = false, ageOk = false;
    c.policy.clockSkew =
        s.value(QStringLiteral("verify/clock_skew_seconds"), 30).toString().toLongLong(&skewOk);
    const qint64 days = s.value(QStringLiteral("trust/max_offline_days"), 7).toString().toLongLong(&ageOk);
    c.policy.maxOfflineAge = days * 86400;
    c.policy.rejectStale = s.value(QStringLiteral("trust/reject_stale"), false).toBool();
    if (!skewOk || c.policy.clockSkew < 0 || c.policy.clockSkew > 600)
        return unexpected(QStringLiteral("verify/clock_skew_seconds must be a number 0..600"));
    if (!ageOk || days < 1 || days > 365)
        return unexpected(QStringLiteral("trust/max_offline_days must be a number 1..365"));
    c.venue.venueId = s.value(QStringLiteral("venue/id")).toString().trimmed();
    const QString type = s.value(QStringLiteral("venue/type"), QStringLiteral("hotel")).toString();
    const auto venueType = venueTypeFromName(type);
    if (!venueType)
        return unexpected(QStringLiteral("venue/type '%1' is not hotel, internet_cafe, government_window or "
                                         "parcel_counter")
                              .arg(type));
    c.venue.type = *venueType;
    c.venue.terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    c.logPath = s.value(QStringLiteral("log/path"), c.logPath).toString();
    c.fieldKeyFile = s.value(QStringLiteral("log/field_key_file"), c.fieldKeyFile).toString();
    c.terminalKeyFile = s.value(QStringLiteral("log/terminal_key_file"), c.terminalKeyFile).toString();
    bool retentionOk = false;
    c.retentionDays = s.value(QStringLiteral("log/retention_days"), 30).toString().toInt(&retentionOk);
    if (!retentionOk || c.retentionDays < 1 || c.retentionDays > 3650)
        return unexpected(QStringLiteral("log/retention_days must be a number 1..3650"));
    bool sizeOk = false;
    c.maxLogSizeMb = s.value(QStringLiteral("log/max_size_mb"), 0).toString().toInt(&sizeOk);
    if (!sizeOk || c.maxLogSizeMb < 0)
        return unexpected(QStringLiteral("log/max_size_mb must be a number (0: no cap)"));
    if (auto desk = readDeskPolicy(s, c.desk); !desk)
        return unexpected(desk.error());
    if (auto idCard = readIdCardConfig(s, c.idCard); !idCard)
        return unexpected(idCard.error());
    if (auto face = readFaceConfig(s, c.face); !face)
        return unexpected(face.error());
    readBackupConfig(s, c.backup);
    // sync/url (one gateway, what enrolment writes) goes first; sync/urls lists the instances to
    // try after it, in order (issue 20).
    for (const QString& url : gatewayAddresses(s)) {
        const QUrl u(url);
        if (u.scheme() != QLatin1String("https") || u.host().isEmpty())
            return unexpected(
                QStringLiteral("sync/url and sync/urls must be https:// addresses: %1").arg(url));
        if (!c.sync.gateways.contains(u))
            c.sync.gateways.append(u);
    }
    if (c.sync.configured()) {
        auto file = [&s](const char* key) {
            const QString k = QLatin1String(key);
            return QDir(s.dirOf(k)).filePath(s.value(k).toString());
        };
        c.sync.clientCert = file("sync/client_cert");
        c.sync.clientKey = file("sync/client_key");
        c.sync.caFile = file("sync/ca");
        c.sync.batchSize = s.value(QStringLiteral("sync/batch_size"), 500).toInt();
        c.sync.timeoutMs = s.value(QStringLiteral("sync/timeout_seconds"), 15).toInt() * 1000;
        if (c.sync.batchSize < 1 || c.sync.batchSize > 5000 || c.sync.timeoutMs < 1000)
            return unexpected(
                QStringLiteral("sync/batch_size must be 1..5000 and sync/timeout_seconds >= 1"));
        c.sync.statusFile = QDir(c.stateDir).filePath(QStringLiteral("sync-status.json"));
        c.sync.retentionDays = c.retentionDays;
    }
    return c;
}

QStringList gatewayAddresses(const SettingsLayers& s) {
    QStringList out;
    for (const QString& key : {QStringLiteral("sync/url"), QStringLiteral("sync/urls")})
        for (const QString& part : s.value(key).toStringList().join(QLatin1Char(',')).split(QLatin1Char(',')))
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
    return out;
}

void readBackupConfig(const SettingsLayers& s, TerminalConfig::Backup& c) {
    for (const auto& [key, field] : {std::pair{QStringLiteral("backup/escrow_cert"), &c.escrowCert},
                                     std::pair{QStringLiteral("backup/dir"), &c.dir}}) {
        const QString v = s.value(key).toString().trimmed();
        *field = v.isEmpty() ? QString() : QDir(s.dirOf(key)).filePath(v);
    }
}

Expected<void> readFaceConfig(const SettingsLayers& s, TerminalConfig::Face& c) {
    c.offer = s.value(QStringLiteral("face/offer"), c.offer).toString().trimmed();
    if (!QStringList{"auto", "yes", "no"}.contains(c.offer))
        return unexpected(QStringLiteral("face/offer must be auto, yes or no"));
    c.models = s.value(QStringLiteral("face/models"), c.models).toString();
    bool ok = false;
    c.timeLimitS = s.value(QStringLiteral("face/time_limit_seconds"), c.timeLimitS).toString().toInt(&ok);
    if (!ok || c.timeLimitS < 3 || c.timeLimitS > 60)
        return unexpected(QStringLiteral("face/time_limit_seconds must be a number 3..60"));
    return {};
}

Expected<void> readIdCardConfig(const SettingsLayers& s, TerminalConfig::IdCard& c) {
    c.port = s.value(QStringLiteral("idcard/port"), c.port).toString().trimmed();
    bool baudOk = false;
    c.baud = s.value(QStringLiteral("idcard/baud"), c.baud).toString().toInt(&baudOk);
    if (!baudOk || !QList<int>{9600, 19200, 38400, 57600, 115200}.contains(c.baud))
        return unexpected(QStringLiteral("idcard/baud must be 9600, 19200, 38400, 57600 or 115200"));
    c.wltLibrary = s.value(QStringLiteral("idcard/wlt_library"), c.wltLibrary).toString();
    c.wltFunction = s.value(QStringLiteral("idcard/wlt_function"), c.wltFunction).toString();
    c.wltSignature = s.value(QStringLiteral("idcard/wlt_signature"), c.wltSignature).toString();
    if (c.wltSignature != QLatin1String("bmp_buffer") && c.wltSignature != QLatin1String("raw_bgr"))
        return unexpected(QStringLiteral("idcard/wlt_signature must be bmp_buffer or raw_bgr"));
    return {};
}

Expected<void> readDeskPolicy(const SettingsLayers& s, desk::DeskPolicy& policy) {
    const QString conflict =
        s.value(QStringLiteral("desk/stay_conflict"), QStringLiteral("refuse")).toString();
    const auto stayConflict = desk::stayConflictFromName(conflict);
    if (!stayConflict)
        return unexpected(QStringLiteral("desk/stay_conflict '%1' is not refuse or flag").arg(conflict));
    policy.stayConflict = *stayConflict;
    bool graceOk = false;
    const int graceHours = s.value(QStringLiteral("desk/checkout_grace_hours"), 6).toString().toInt(&graceOk);
    if (!graceOk || graceHours < 0 || graceHours > 72)
        return unexpected(QStringLiteral("desk/checkout_grace_hours must be a number 0..72"));
    policy.checkoutGraceS = qint64(graceHours) * 3600;
    return {};
}

TerminalConfig TerminalConfig::demoDefaults(const QString& stateDir) {
    TerminalConfig c;
    c.demo = true;
    c.stateDir = stateDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                          QStringLiteral("/liangzheng-demo")
                                    : stateDir;
    c.venue = {QStringLiteral("DEMO-VENUE"), VenueType::Hotel, QStringLiteral("DEMO-T1"), QString()};
    c.settingsPath = QDir(c.stateDir).filePath(QStringLiteral("kiosk.conf"));
    c.configPath = c.settingsPath;
    return c;
}

} // namespace lz
