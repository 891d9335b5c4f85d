#pragma once
// The terminal's configuration (docs/configuration.md): an INI file read with QSettings, or
// the embedded demo defaults. Plain values only; Terminal turns them into live objects.
#include "common/SettingsLayers.h"
#include "desk/Desk.h"
#include "log/Registration.h"
#include "sync/SyncClient.h"
#include "trust/TrustList.h"
#include "verify/Verifier.h"

#include <QSettings>
#include <QString>

namespace lz {

struct TerminalConfig {
    static constexpr char kDefaultPath[] = "/etc/liangzheng/liangzheng.conf";

    bool demo = false;
    // The defaults (the file read) and where the terminal writes its settings (docs/configuration.md
    // "Defaults and settings"); the same file in the demo.
    QString configPath, settingsPath;
    QList<TrustAnchor> anchors;
    QString stateDir;   // replay journal, clock high-water mark, trust cache
    QString trustCache; // empty: memory only (demo re-signs its list at every start)
    VerifierPolicy policy;

    // Where and what the terminal registers (the operator is set per session, not here).
    VenueContext venue;
    // The registration log and its keys; relative paths are inside stateDir.
    QString logPath = QStringLiteral("registrations.db");
    QString fieldKeyFile = QStringLiteral("log-fields.key");
    QString terminalKeyFile = QStringLiteral("terminal.key");
    int retentionDays = 30;    // after the gateway's acknowledgement
    int checkpointEvery = 100; // records between signed checkpoints
    int maxLogSizeMb = 0;      // 0: no cap; else registrations are refused (log_disk_full) past it

    // The desk's rules that a venue chooses (one open stay per identity: refuse or flag).
    desk::DeskPolicy desk;

    // Forwarding to the police gateway; sync.gateways empty: not configured.
    SyncConfig sync;

    // The ID-card reader ([idcard], docs/id-card-reader.md): its serial port (a device path, or
    // auto; empty: none), the baud rate, and the reader vendor's WLT photo decoder if installed.
    struct IdCard {
        QString port;
        int baud = 115200;
        QString wltLibrary, wltFunction = QStringLiteral("wlt2bmpBuffer"),
                            wltSignature = QStringLiteral("bmp_buffer");
        QString wltHelper; // lz-wlt-decode: set by the program that runs it (not configured)
    } idCard;

    // The face check ([face], docs/face-match.md): offered where the venue's profile offers it
    // (auto) or always/never; where the pinned models are; the live check's time limit.
    struct Face {
        QString offer = QStringLiteral("auto"); // auto | yes | no
        QString models;                         // empty: where the build found them
        int timeLimitS = 8;
    } face;

    // Backups from the kiosk's staff mode ([backup], docs/registration-log.md "Backup and
    // restore"): the escrow certificate the keys are sealed to (empty: no backup from the kiosk),
    // and where the two files go (empty: the USB stick mounted at the desk).
    struct Backup {
        QString escrowCert;
        QString dir;
    } backup;

    static Expected<TerminalConfig> fromFile(const QString& path);
    // Where the settings of the configuration at `path` are written: [state] settings, else
    // settings.conf in [state] dir (both read from that file alone: the settings cannot move
    // themselves). Does not check the rest of the file (staff commands run before enrolment).
    static QString settingsPathFor(const QString& path);
    // [state] dir of the configuration at `path` alone (default /var/lib/liangzheng).
    static QString stateDirFor(const QString& path);
    // Demo: anchors come from the demo kit; state in stateDir (default: XDG state dir).
    static TerminalConfig demoDefaults(const QString& stateDir = {});
};

// The [desk] section (stay_conflict, checkout_grace_hours), from the terminal's configuration or
// the demo's settings file.
Expected<void> readDeskPolicy(const SettingsLayers& settings, desk::DeskPolicy& policy);
// The [face] section.
Expected<void> readFaceConfig(const SettingsLayers& settings, TerminalConfig::Face& face);
// [backup] escrow_cert and dir, relative to the file that names them (the demo reads them too).
void readBackupConfig(const SettingsLayers& settings, TerminalConfig::Backup& backup);
// The gateway addresses in the order they are tried: sync/url, then each of sync/urls.
QStringList gatewayAddresses(const SettingsLayers& settings);
// The [idcard] section, from the terminal's configuration.
Expected<void> readIdCardConfig(const SettingsLayers& settings, TerminalConfig::IdCard& idCard);

} // namespace lz
