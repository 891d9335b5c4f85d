// backup DIR --escrow-cert CERT.pem and restore DATA KEYS --escrow-cert CERT.pem --escrow-key KEY.pem
// (docs/registration-log.md "Backup and restore"). The log's field key and the terminal's keys
// exist only on this machine: a dead disk loses every record not yet acknowledged and every
// personal field kept for the retention period. The backup writes two files: the data (the state
// directory without its secret keys; the log's personal fields stay sealed) and the keys, sealed
// to an escrow certificate (a supplier's or the police's) and never in the same file as the data.
// The restore takes the pair back onto a fresh terminal and verifies the log.
#include "Commands.h"
#include "crypto/Digest.h"
#include "crypto/KeyEscrow.h"
#include "log/Backup.h"
#include "util/DurableFile.h"
#include "util/StateLock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <unistd.h>

namespace lz::clicmd {

namespace {
Expected<QByteArray> readSmallFile(const QString& path, qsizetype limit) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > limit)
        return unexpected(QStringLiteral("%1: %2 bytes is too large").arg(path).arg(f.size()));
    return f.readAll();
}

// The state directory's secret key files, as names in it: the log's field keys, the terminal's
// signing key, a TLS client key kept there. Keys elsewhere are the roll-out's to back up.
Expected<QStringList> secretNames(const TerminalConfig& c) {
    const QDir state(c.stateDir);
    QStringList names;
    for (const QString& file : {c.fieldKeyFile, c.terminalKeyFile}) {
        const QFileInfo info(state.filePath(file));
        if (info.absolutePath() != QFileInfo(c.stateDir).absoluteFilePath())
            return unexpected(QStringLiteral("backup_unsupported: %1 is outside the state directory %2")
                                  .arg(info.absoluteFilePath(), c.stateDir));
        names.append(info.fileName());
    }
    if (!c.sync.clientKey.isEmpty()) {
        const QFileInfo key(c.sync.clientKey);
        if (key.absolutePath() == QFileInfo(c.stateDir).absoluteFilePath())
            names.append(key.fileName());
    }
    // Any other private key kept in the state: enrolment's key waiting for its certificate
    // (client.key.pem.pending), a key a roll-out put there under another name.
    for (const QString& name : state.entryList(
             {QStringLiteral("*.key"), QStringLiteral("*.key.pem"), QStringLiteral("*.key.pem.pending")},
             QDir::Files | QDir::Hidden))
        if (!names.contains(name))
            names.append(name);
    // The settings hold the staff's PIN hashes (4 to 12 digits: a lost stick must not give them
    // to a GPU): sealed with the keys.
    const QFileInfo settings(c.settingsPath);
    if (settings.absolutePath() == QFileInfo(c.stateDir).absoluteFilePath())
        names.append(settings.fileName());
    return names;
}
} // namespace

int backup(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    if (words.size() != 2 || !o.has(QStringLiteral("--escrow-cert")))
        return cli::fail(QStringLiteral("usage: backup DIR --escrow-cert CERT.pem"));
    const QString destination = words.at(1);
    if (!QFileInfo(destination).isDir())
        return cli::fail(QStringLiteral("backup_destination: %1 is not a directory (is the stick mounted?)")
                             .arg(destination));
    auto certPem = readSmallFile(o.value(QStringLiteral("--escrow-cert")), 1 << 20);
    if (!certPem)
        return cli::fail(certPem.error());
    RegistrationLog* log = terminal.log();
    if (!log)
        return cli::fail(QStringLiteral("the registration log cannot be used: %1").arg(terminal.logError()));
    const TerminalConfig& c = terminal.config();
    const QDir state(c.stateDir);
    auto secrets = secretNames(c);
    if (!secrets)
        return cli::fail(secrets.error());
    auto status = log->status();
    if (!status)
        return cli::fail(status.error().text());

    // The log as one consistent file; the live database, its WAL and lock are not copied.
    const QString logName = QFileInfo(state.filePath(c.logPath)).fileName();
    const QString snapshotPath = state.filePath(QStringLiteral(".backup-%1.db").arg(::getpid()));
    QFile::remove(snapshotPath);
    if (auto snap = log->snapshotTo(snapshotPath); !snap) {
        QFile::remove(snapshotPath);
        return cli::fail(QStringLiteral("backup_snapshot: %1").arg(snap.error().text()));
    }
    QFile snapshot(snapshotPath);
    const bool readOk = snapshot.open(QIODevice::ReadOnly) && snapshot.size() < kMaxBackupBytes;
    const QByteArray logBytes = readOk ? snapshot.readAll() : QByteArray();
    snapshot.close();
    QFile::remove(snapshotPath);
    if (!readOk)
        return cli::fail(QStringLiteral("backup_snapshot: the snapshot cannot be read or is over 2 GiB"));

    const qint64 now = terminal.clock().nowMs();
    BackupData data{c.venue.terminalId, c.venue.venueId, now, status->headSeq, status->unsent, {}};
    BackupKeys keys{c.venue.terminalId, now, {}, {}};
    data.files.append({logName, logBytes});
    const QStringList skipped{logName + QStringLiteral("-wal"), logName + QStringLiteral("-shm"),
                              logName + QStringLiteral("-journal"), logName, QStringLiteral("terminal.lock")};
    QJsonArray left;
    for (const QFileInfo& f : state.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name)) {
        const QString name = f.fileName();
        if (skipped.contains(name) || name.contains(QLatin1String(".edit-")) ||
            name.startsWith(QLatin1String(".backup-")))
            continue;
        if (!isStateFileName(name)) {
            left.append(name);
            continue;
        }
        auto bytes = readSmallFile(f.filePath(), kMaxBackupBytes / 4);
        if (!bytes)
            return cli::fail(QStringLiteral("backup_read: %1").arg(bytes.error()));
        (secrets->contains(name) ? keys.files : data.files).append({name, *bytes});
    }
    for (const QString& name : *secrets)
        if (name != QFileInfo(c.settingsPath).fileName() &&
            std::none_of(keys.files.cbegin(), keys.files.cend(),
                         [&](const StateFile& k) { return k.name == name; }))
            return cli::fail(QStringLiteral("backup_incomplete: the key file %1 is missing").arg(name));

    const QByteArray encoded = encodeBackup(data);
    if (encoded.size() > kMaxBackupBytes)
        return cli::fail(QStringLiteral("backup_too_large: %1 bytes; a restore reads at most %2")
                             .arg(encoded.size())
                             .arg(kMaxBackupBytes));
    keys.dataSha256 = sha256({encoded});
    auto sealed = sealToCertificate(encodeKeys(keys), *certPem);
    if (!sealed)
        return cli::fail(sealed.error().text());
    QString id = c.venue.terminalId;
    id.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString base = QDir(destination)
                             .filePath(QStringLiteral("liangzheng-%1-%2")
                                           .arg(id, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                                                        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
    const QString keysPath = base + QStringLiteral("-keys.p7m"),
                  dataPath = base + QStringLiteral(".lzbackup");
    // The keys first: data without its keys is useless, keys without data harmless.
    if (auto w = writeFileDurably(keysPath, *sealed, 0600); !w)
        return cli::fail(w.error().text());
    if (auto w = writeFileDurably(dataPath, encoded, 0600); !w) {
        QFile::remove(keysPath);
        return cli::fail(w.error().text());
    }
    QJsonObject out{{QStringLiteral("data"), dataPath},
                    {QStringLiteral("keys"), keysPath},
                    {QStringLiteral("records"), status->headSeq},
                    {QStringLiteral("unsent"), status->unsent},
                    {QStringLiteral("files"), int(data.files.size())},
                    {QStringLiteral("bytes"), qint64(encoded.size())}};
    if (!left.isEmpty())
        out.insert(QStringLiteral("not_backed_up"), left);
    cli::printJson(out);
    return cli::kExitOk;
}

int restore(const QString& configPath, const cli::Options& o) {
    const QStringList words = o.positional();
    if (words.size() != 3 || !o.has(QStringLiteral("--escrow-cert")) ||
        !o.has(QStringLiteral("--escrow-key")))
        return cli::fail(QStringLiteral(
            "usage: restore DATA.lzbackup KEYS.p7m --escrow-cert CERT.pem --escrow-key KEY.pem"));
    if (!QFileInfo::exists(configPath))
        return cli::fail(QStringLiteral("%1 does not exist").arg(configPath));
    auto dataBytes = readSmallFile(words.at(1), kMaxBackupBytes);
    auto sealed = readSmallFile(words.at(2), kMaxEscrowBytes);
    auto certPem = readSmallFile(o.value(QStringLiteral("--escrow-cert")), 1 << 20);
    auto keyPem = readSmallFile(o.value(QStringLiteral("--escrow-key")), 1 << 20);
    for (const auto* r : {&dataBytes, &sealed, &certPem, &keyPem})
        if (!*r)
            return cli::fail(r->error());
    auto data = decodeBackup(*dataBytes);
    if (!data)
        return cli::fail(data.error().text());
    auto plain = openSealed(*sealed, *certPem, *keyPem);
    if (!plain)
        return cli::fail(plain.error().text());
    auto keys = decodeKeys(*plain);
    if (!keys)
        return cli::fail(keys.error().text());
    if (sha256({*dataBytes}) != keys->dataSha256)
        return cli::fail(
            QStringLiteral("backup_pair_mismatch: these keys were not written with this data (take "
                           "both files of one backup; data changed since is refused too)"));
    if (keys->terminalId != data->terminalId)
        return cli::fail(QStringLiteral("backup_pair_mismatch: the keys are terminal %1's, the data %2's")
                             .arg(keys->terminalId, data->terminalId));

    // Only onto a terminal with no state of its own: never over a live log.
    const QString stateDir = TerminalConfig::stateDirFor(configPath);
    if (!QDir().mkpath(stateDir) ||
        !QFile::setPermissions(stateDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return cli::fail(QStringLiteral("cannot create the state directory %1").arg(stateDir));
    const QDir state(stateDir);
    int restored = 0;
    {
        auto lock = StateLock::acquire(state.filePath(QStringLiteral("terminal.lock")));
        if (!lock)
            return cli::fail(QStringLiteral("%1 (%2): stop the kiosk first").arg(lock.error(), stateDir));
        QList<StateFile> all = data->files + keys->files;
        for (const StateFile& f : all)
            if (QFileInfo::exists(state.filePath(f.name)))
                return cli::fail(
                    QStringLiteral("state_not_empty: %1 already has %2: restore only onto a fresh "
                                   "terminal (move its state directory aside first)")
                        .arg(stateDir, f.name));
        for (const StateFile& f : all) {
            if (auto w = writeFileDurably(state.filePath(f.name), f.bytes, 0600); !w)
                return cli::fail(QStringLiteral("%1 (restored so far: %2 of %3 files)")
                                     .arg(w.error().text())
                                     .arg(restored)
                                     .arg(all.size()));
            ++restored;
        }
    }
    QJsonObject out{{QStringLiteral("restored"), restored},
                    {QStringLiteral("terminal_id"), data->terminalId},
                    {QStringLiteral("backup_created_ms"), data->createdMs},
                    {QStringLiteral("records_at_backup"), data->records},
                    {QStringLiteral("unsent_at_backup"), data->unsent}};
    // The log as restored: its chain, checkpoints (signed by the restored terminal key) and anchor.
    auto config = TerminalConfig::fromFile(configPath);
    if (!config) {
        out.insert(QStringLiteral("log"), QStringLiteral("not checked: %1").arg(config.error()));
        cli::printJson(out);
        return cli::kExitOk;
    }
    TerminalOptions options;
    options.verifying = false;
    options.logging = true;
    const SystemClock clock;
    auto terminal = Terminal::open(*config, clock, options);
    RegistrationLog* log = terminal ? (*terminal)->log() : nullptr;
    if (!log)
        return cli::fail(QStringLiteral("restored, but the log cannot be opened: %1")
                             .arg(terminal ? (*terminal)->logError() : terminal.error()),
                         cli::kExitRejected);
    const LogVerifyReport report = log->verify();
    auto status = log->status();
    out.insert(QStringLiteral("intact"), report.ok());
    out.insert(QStringLiteral("records"), report.records);
    out.insert(QStringLiteral("unsent"), status ? status->unsent : -1);
    QJsonArray problems;
    for (const LogProblem& p : report.problems)
        problems.append(logProblemKindName(p.kind));
    out.insert(QStringLiteral("problems"), problems);
    cli::printJson(out);
    return report.ok() ? cli::kExitOk : cli::kExitRejected;
}

} // namespace lz::clicmd
