// backup DIR --escrow-cert CERT.pem and restore DATA KEYS --escrow-cert CERT.pem --escrow-key KEY.pem
// (docs/registration-log.md "Backup and restore"). The log's field key and the terminal's keys
// exist only on this machine: a dead disk loses every record not yet acknowledged and every
// personal field kept for the retention period. The backup writes two files: the data (the state
// directory without its secret keys; the log's personal fields stay sealed) and the keys, sealed
// to an escrow certificate (a supplier's or the police's) and never in the same file as the data.
// The restore takes the pair back onto a fresh terminal and verifies the log.
#include "Commands.h"
#include "common/TerminalBackup.h"
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

} // namespace

int backup(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    if (words.size() != 2 || !o.has(QStringLiteral("--escrow-cert")))
        return cli::fail(QStringLiteral("usage: backup DIR --escrow-cert CERT.pem"));
    auto certPem = readSmallFile(o.value(QStringLiteral("--escrow-cert")), 1 << 20);
    if (!certPem)
        return cli::fail(certPem.error());
    auto written = writeBackup(terminal, words.at(1), *certPem);
    if (!written)
        return cli::fail(written.error().text);
    QJsonObject out{
        {QStringLiteral("data"), written->dataPath},   {QStringLiteral("keys"), written->keysPath},
        {QStringLiteral("records"), written->records}, {QStringLiteral("unsent"), written->unsent},
        {QStringLiteral("files"), written->files},     {QStringLiteral("bytes"), written->bytes}};
    if (!written->notBackedUp.isEmpty())
        out.insert(QStringLiteral("not_backed_up"), QJsonArray::fromStringList(written->notBackedUp));
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
