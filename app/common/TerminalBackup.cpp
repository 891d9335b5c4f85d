#include "common/TerminalBackup.h"

#include "crypto/Digest.h"
#include "crypto/KeyEscrow.h"
#include "log/Backup.h"
#include "util/DurableFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <unistd.h>

namespace lz {

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
Unexpected<BackupWriteFailure> failed(const QString& text) {
    return unexpected(BackupWriteFailure{BackupWriteError::Failed, text});
}

Unexpected<BackupWriteFailure> failed(const FileFailure& f) {
    return unexpected(BackupWriteFailure{
        f.code == FileError::DiskFull ? BackupWriteError::DiskFull : BackupWriteError::Failed, f.text()});
}
} // namespace

Expected<BackupWritten, BackupWriteFailure> writeBackup(Terminal& terminal, const QString& destination,
                                                        const QByteArray& escrowCertPem) {
    if (!QFileInfo(destination).isDir())
        return failed(QStringLiteral("backup_destination: %1 is not a directory (is the stick mounted?)")
                          .arg(destination));
    BackupWritten out;
    RegistrationLog* log = terminal.log();
    if (!log)
        return failed(QStringLiteral("the registration log cannot be used: %1").arg(terminal.logError()));
    const TerminalConfig& c = terminal.config();
    const QDir state(c.stateDir);
    auto secrets = secretNames(c);
    if (!secrets)
        return failed(secrets.error());
    auto status = log->status();
    if (!status)
        return failed(status.error().text());

    // The log as one consistent file; the live database, its WAL and lock are not copied.
    const QString logName = QFileInfo(state.filePath(c.logPath)).fileName();
    const QString snapshotPath = state.filePath(QStringLiteral(".backup-%1.db").arg(::getpid()));
    QFile::remove(snapshotPath);
    if (auto snap = log->snapshotTo(snapshotPath); !snap) {
        QFile::remove(snapshotPath);
        return failed(QStringLiteral("backup_snapshot: %1").arg(snap.error().text()));
    }
    QFile snapshot(snapshotPath);
    const bool readOk = snapshot.open(QIODevice::ReadOnly) && snapshot.size() < kMaxBackupBytes;
    const QByteArray logBytes = readOk ? snapshot.readAll() : QByteArray();
    snapshot.close();
    QFile::remove(snapshotPath);
    if (!readOk)
        return failed(QStringLiteral("backup_snapshot: the snapshot cannot be read or is over 2 GiB"));

    const qint64 now = terminal.clock().nowMs();
    BackupData data{c.venue.terminalId, c.venue.venueId, now, status->headSeq, status->unsent, {}};
    BackupKeys keys{c.venue.terminalId, now, {}, {}};
    data.files.append({logName, logBytes});
    const QStringList skipped{logName + QStringLiteral("-wal"), logName + QStringLiteral("-shm"),
                              logName + QStringLiteral("-journal"), logName, QStringLiteral("terminal.lock")};
    for (const QFileInfo& f : state.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name)) {
        const QString name = f.fileName();
        if (skipped.contains(name) || name.contains(QLatin1String(".edit-")) ||
            name.startsWith(QLatin1String(".backup-")))
            continue;
        if (!isStateFileName(name)) {
            out.notBackedUp.append(name);
            continue;
        }
        auto bytes = readSmallFile(f.filePath(), kMaxBackupBytes / 4);
        if (!bytes)
            return failed(QStringLiteral("backup_read: %1").arg(bytes.error()));
        (secrets->contains(name) ? keys.files : data.files).append({name, *bytes});
    }
    for (const QString& name : *secrets)
        if (name != QFileInfo(c.settingsPath).fileName() &&
            std::none_of(keys.files.cbegin(), keys.files.cend(),
                         [&](const StateFile& k) { return k.name == name; }))
            return failed(QStringLiteral("backup_incomplete: the key file %1 is missing").arg(name));

    const QByteArray encoded = encodeBackup(data);
    if (encoded.size() > kMaxBackupBytes)
        return failed(QStringLiteral("backup_too_large: %1 bytes; a restore reads at most %2")
                          .arg(encoded.size())
                          .arg(kMaxBackupBytes));
    keys.dataSha256 = sha256({encoded});
    auto sealed = sealToCertificate(encodeKeys(keys), escrowCertPem);
    if (!sealed)
        return failed(sealed.error().text());
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
        return failed(w.error());
    if (auto w = writeFileDurably(dataPath, encoded, 0600); !w) {
        QFile::remove(keysPath);
        return failed(w.error());
    }
    out.dataPath = dataPath;
    out.keysPath = keysPath;
    out.records = status->headSeq;
    out.unsent = status->unsent;
    out.files = int(data.files.size());
    out.bytes = encoded.size();
    return out;
}

} // namespace lz
