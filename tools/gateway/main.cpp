// lz-gateway: the reference police gateway (tests, demos, small deployments). docs/sync-api.md.
#include "GatewayServer.h"
#include "PoliceApi.h"
#include "toolkit/CliSupport.h"
#include "util/Expected.h"
#include "util/SdNotify.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <cstdio>

using namespace lz;

namespace {
constexpr char kUsage[] =
    "usage: lz-gateway --db DSN --cert FILE --key FILE --client-ca FILE [--listen HOST:PORT] [--trust-list "
    "FILE]\n"
    "  --db         PostgreSQL: \"host=127.0.0.1 port=5432 dbname=lz_gateway user=lz\" (scripts/pg-temp "
    "prints one)\n"
    "  --cert/--key the gateway's TLS certificate and EC key; --client-ca the CA of terminal certificates\n"
    "  --venues     a file of registered venue ids, one per line; records of others are invalid\n"
    "  --fault      TESTS ONLY: status500 | hang | close (store, then drop the answer) on POST /v1/records\n"
    "  --date-offset TESTS ONLY: seconds added to the Date header (the terminal's clock warning)\n"
    "  --config     an INI file of these options without \"--\" (db = ..., cert = ...); the command line "
    "wins\n"
    "  --init-db    create or update the database's schema, then exit\n"
    "  --db-retry-seconds S (10) a batch the database fails is retried on a new connection this long\n"
    "               (a failover); keep it under the terminals' sync timeout (15 s)\n"
    "  --police-api the officers' query API instead (docs/sync-api.md): --officer-ca FILE (the CA of "
    "officers'\n"
    "               certificates, instead of --client-ca), --replica-db DSN (reads; default --db, which "
    "gets\n"
    "               the audit trail)\n"
    "  --retention-days N  drop daily partitions of records wholly older than N days (default: keep all)\n"
    "  --listen     default 127.0.0.1:8443; port 0 picks a free one. Prints \"listening "
    "https://HOST:PORT\".\n"
    "  --handshake-timeout S (10) the TLS handshake must be done within S seconds\n"
    "  --header-timeout S (10)  the whole request header must arrive within S seconds\n"
    "  --body-timeout S (30)    the whole body within S seconds after the header\n"
    "  --idle-timeout S (15)    a kept-alive connection with no new request is closed\n"
    "  --per-client N (32)      connections at once from one address; --max-connections N (1024) in all\n"
    "  A body over 16 MiB is refused from its Content-Length (413) before any of it is read.\n";
}

// --config FILE: an INI file whose keys are the long options without "--" (db, cert, key,
// client-ca, listen, venues, trust-list, the timeouts and limits); the command line wins. Relative
// paths are relative to the file. The package's sample: /usr/share/doc/liangzheng-gateway/examples.
lz::Expected<QStringList> withConfigFile(QStringList args) {
    const cli::Options given(args);
    if (!given.has(QStringLiteral("--config")))
        return args;
    const QString path = given.value(QStringLiteral("--config"));
    if (!QFileInfo::exists(path))
        return lz::unexpected(QStringLiteral("configuration file %1 does not exist").arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return lz::unexpected(QStringLiteral("configuration file %1 is not a valid INI file").arg(path));
    const QDir base = QFileInfo(path).absoluteDir();
    const QStringList pathKeys{QStringLiteral("cert"),       QStringLiteral("key"),
                               QStringLiteral("client-ca"),  QStringLiteral("venues"),
                               QStringLiteral("trust-list"), QStringLiteral("officer-ca")};
    for (const QString& key : ini.childKeys()) {
        const QString flag = QStringLiteral("--") + key;
        if (given.has(flag))
            continue;
        const QString value = ini.value(key).toStringList().join(QLatin1Char(','));
        args << flag << (pathKeys.contains(key) ? base.filePath(value) : value);
    }
    return args;
}

lz::Expected<gateway::FrontLimits> frontLimits(const cli::Options& o) {
    gateway::FrontLimits limits;
    auto seconds = [&](const char* flag, int& ms) {
        bool ok = true;
        if (o.has(QLatin1String(flag)))
            ms = int(o.value(QLatin1String(flag)).toDouble(&ok) * 1000);
        return ok && ms > 0;
    };
    auto count = [&](const char* flag, int& n) {
        bool ok = true;
        if (o.has(QLatin1String(flag)))
            n = o.value(QLatin1String(flag)).toInt(&ok);
        return ok && n > 0;
    };
    if (!seconds("--handshake-timeout", limits.handshakeTimeoutMs) ||
        !seconds("--header-timeout", limits.headerTimeoutMs) ||
        !seconds("--body-timeout", limits.bodyTimeoutMs) ||
        !seconds("--idle-timeout", limits.idleTimeoutMs) ||
        !count("--per-client", limits.maxConnectionsPerClient) ||
        !count("--max-connections", limits.maxConnections))
        return lz::unexpected(
            QStringLiteral("timeouts are positive seconds, connection limits positive numbers"));
    return limits;
}

// Listens with the handler, clients' certificates from clientCa only, until SIGTERM or SIGINT.
int serve(const cli::Options& o, const gateway::FrontLimits& limits, gateway::HttpsFront::Handler handler,
          const QString& clientCa) {
    const QString listen = o.value(QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8443"));
    gateway::HttpsFront front(limits, std::move(handler));
    if (const QString e = front.listen(
            listen.section(QLatin1Char(':'), 0, -2), quint16(listen.section(QLatin1Char(':'), -1).toUInt()),
            o.value(QStringLiteral("--cert")), o.value(QStringLiteral("--key")), clientCa);
        !e.isEmpty())
        return cli::fail(e);
    std::printf("listening https://%s:%u\n", qPrintable(listen.section(QLatin1Char(':'), 0, -2)),
                unsigned(front.port()));
    std::fflush(stdout);
    sdNotify("READY=1");
    front.run();
    return cli::kExitOk;
}

// --police-api: the officers' queries (PoliceApi), reading from --replica-db (default: --db),
// auditing on --db; officers' certificates from --officer-ca only.
int servePolice(const cli::Options& o) {
    auto limits = frontLimits(o);
    if (!limits)
        return cli::fail(limits.error());
    auto store =
        gateway::PoliceStore::open(o.value(QStringLiteral("--replica-db"), o.value(QStringLiteral("--db"))),
                                   o.value(QStringLiteral("--db")));
    if (!store)
        return cli::fail(store.error());
    gateway::PoliceApi api(**store);
    return serve(
        o, *limits, [&api](const gateway::HttpRequest& r) { return api.handle(r); },
        o.value(QStringLiteral("--officer-ca")));
}

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-gateway"))
        return 0;
    QCoreApplication app(argc, argv);
    auto args = withConfigFile(app.arguments().mid(1));
    if (!args)
        return cli::fail(args.error());
    const cli::Options o(*args);
    const QStringList known{QStringLiteral("--db"),
                            QStringLiteral("--cert"),
                            QStringLiteral("--key"),
                            QStringLiteral("--client-ca"),
                            QStringLiteral("--listen"),
                            QStringLiteral("--trust-list"),
                            QStringLiteral("--venues"),
                            QStringLiteral("--fault"),
                            QStringLiteral("--date-offset"),
                            QStringLiteral("--help"),
                            QStringLiteral("--config"),
                            QStringLiteral("--init-db"),
                            QStringLiteral("--retention-days"),
                            QStringLiteral("--db-retry-seconds"),
                            QStringLiteral("--police-api"),
                            QStringLiteral("--replica-db"),
                            QStringLiteral("--officer-ca"),
                            QStringLiteral("--header-timeout"),
                            QStringLiteral("--body-timeout"),
                            QStringLiteral("--handshake-timeout"),
                            QStringLiteral("--idle-timeout"),
                            QStringLiteral("--per-client"),
                            QStringLiteral("--max-connections")};
    const bool serving = !o.has(QStringLiteral("--init-db"));
    const bool police = o.has(QStringLiteral("--police-api"));
    if (o.has(QStringLiteral("--help")) || !o.unknown(known).isEmpty() || !o.has(QStringLiteral("--db")) ||
        (serving && (!o.has(QStringLiteral("--cert")) || !o.has(QStringLiteral("--key")) ||
                     !o.has(police ? QStringLiteral("--officer-ca") : QStringLiteral("--client-ca"))))) {
        if (const QStringList unknown = o.unknown(known); !unknown.isEmpty())
            std::fprintf(stderr, "lz-gateway: unknown option %s (on the command line or in --config)\n",
                         qPrintable(unknown.join(QStringLiteral(", "))));
        std::fputs(kUsage, o.has(QStringLiteral("--help")) ? stdout : stderr);
        return o.has(QStringLiteral("--help")) ? cli::kExitOk : cli::kExitUsage;
    }
    if (serving && police)
        return servePolice(o);
    gateway::PartitionPolicy partitions;
    if (o.has(QStringLiteral("--retention-days"))) {
        bool ok = false;
        partitions.retentionDays = o.value(QStringLiteral("--retention-days")).toInt(&ok);
        if (!ok || partitions.retentionDays < 1)
            return cli::fail(QStringLiteral("--retention-days is a positive number of days"));
    }
    auto store = gateway::GatewayStore::open(o.value(QStringLiteral("--db")), partitions);
    if (!store)
        return cli::fail(store.error());
    if (!serving) { // the schema is applied by open(): nothing more to do
        std::printf("database ready\n");
        return cli::kExitOk;
    }
    if (o.has(QStringLiteral("--db-retry-seconds"))) {
        bool ok = false;
        const double s = o.value(QStringLiteral("--db-retry-seconds")).toDouble(&ok);
        if (!ok || s < 0 || s > 120)
            return cli::fail(QStringLiteral("--db-retry-seconds is 0..120"));
        (*store)->setDbRetryMs(int(s * 1000));
    }
    if (o.has(QStringLiteral("--venues"))) {
        auto list = cli::readFile(o.value(QStringLiteral("--venues")));
        if (!list)
            return cli::fail(list.error());
        QSet<QString> venues;
        for (const QByteArray& line : list->split('\n'))
            if (!line.trimmed().isEmpty())
                venues.insert(QString::fromUtf8(line.trimmed()));
        (*store)->setKnownVenues(venues);
    }
    gateway::GatewayOptions options;
    options.fault = o.value(QStringLiteral("--fault"));
    if (!options.fault.isEmpty() &&
        !QStringList{QStringLiteral("status500"), QStringLiteral("hang"), QStringLiteral("close")}.contains(
            options.fault))
        return cli::fail(QStringLiteral("--fault is status500, hang or close"));
    options.dateOffsetS = o.value(QStringLiteral("--date-offset"), QStringLiteral("0")).toLongLong();
    if (o.has(QStringLiteral("--trust-list"))) {
        auto list = cli::readFile(o.value(QStringLiteral("--trust-list")));
        if (!list)
            return cli::fail(list.error());
        options.trustList = *list;
    }
    auto limits = frontLimits(o);
    if (!limits)
        return cli::fail(limits.error());
    gateway::GatewayServer server(**store, options);
    return serve(
        o, *limits, [&server](const gateway::HttpRequest& r) { return server.handle(r); },
        o.value(QStringLiteral("--client-ca")));
}
