// liangzheng-cli sync now | status: forward the registration log to the police gateway.
#include "Commands.h"

#include <QCoreApplication>
#include <QDateTime>

namespace lz::clicmd {

int sync(Terminal& terminal, const cli::Options& o) {
    const QString sub = o.positional().value(1);
    RegistrationLog* log = terminal.log();
    if (!log)
        return cli::fail(QStringLiteral("the registration log cannot be used: %1").arg(terminal.logError()));
    const SyncConfig& config = terminal.config().sync;
    if (sub == QLatin1String("status")) {
        SyncStatus s = SyncClient::readStatusFile(config.statusFile);
        if (auto l = log->status()) {
            s.queue = l->unsent;
            s.setAside = l->setAside;
            s.oldestUnsentMs = l->oldestUnsentMs;
        }
        QJsonObject out = SyncClient::statusToJson(s);
        out.insert(QStringLiteral("configured"), config.configured());
        cli::printJson(out);
        return cli::kExitOk;
    }
    if (sub != QLatin1String("now"))
        return cli::fail(QStringLiteral("usage: sync now | sync status"));
    if (!config.configured())
        return cli::fail(QStringLiteral("sync is not configured (sync/url in the configuration)"));
    auto tls = SyncClient::clientTls(config);
    if (!tls)
        return cli::fail(tls.error());
    SyncClient client(*log, config, *tls, terminal.clock());
    client.setTrustStore(&terminal.trust());
    bool ok = false;
    QObject::connect(&client, &SyncClient::roundFinished, [&](bool success) {
        ok = success;
        QCoreApplication::quit();
    });
    client.syncNow();
    QCoreApplication::exec();
    cli::printJson(SyncClient::statusToJson(client.status()));
    return ok ? cli::kExitOk : cli::kExitRejected;
}

} // namespace lz::clicmd
