// lz-gateway: the reference police gateway (tests, demos, small deployments). docs/sync-api.md.
#include "GatewayServer.h"
#include "common/CliSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSslServer>
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
    "  --listen     default 127.0.0.1:8443; port 0 picks a free one. Prints \"listening "
    "https://HOST:PORT\".\n";
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options o(app.arguments().mid(1));
    const QStringList known{QStringLiteral("--db"),          QStringLiteral("--cert"),
                            QStringLiteral("--key"),         QStringLiteral("--client-ca"),
                            QStringLiteral("--listen"),      QStringLiteral("--trust-list"),
                            QStringLiteral("--venues"),      QStringLiteral("--fault"),
                            QStringLiteral("--date-offset"), QStringLiteral("--help")};
    if (o.has(QStringLiteral("--help")) || !o.unknown(known).isEmpty() || !o.has(QStringLiteral("--db")) ||
        !o.has(QStringLiteral("--cert")) || !o.has(QStringLiteral("--key")) ||
        !o.has(QStringLiteral("--client-ca"))) {
        std::fputs(kUsage, o.has(QStringLiteral("--help")) ? stdout : stderr);
        return o.has(QStringLiteral("--help")) ? cli::kExitOk : cli::kExitUsage;
    }
    auto tls = gateway::serverTls(o.value(QStringLiteral("--cert")), o.value(QStringLiteral("--key")),
                                  o.value(QStringLiteral("--client-ca")));
    if (!tls)
        return cli::fail(tls.error());
    auto store = gateway::GatewayStore::open(o.value(QStringLiteral("--db")));
    if (!store)
        return cli::fail(store.error());
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
    const QString listen = o.value(QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8443"));
    const QHostAddress host(listen.section(QLatin1Char(':'), 0, -2));
    const quint16 port = quint16(listen.section(QLatin1Char(':'), -1).toUInt());
    gateway::GatewayServer server(**store, options);
    auto* tcp = new QSslServer(&server);
    tcp->setSslConfiguration(*tls);
    tcp->setHandshakeTimeout(10000);
    if (!tcp->listen(host, port))
        return cli::fail(QStringLiteral("cannot listen on %1: %2").arg(listen, tcp->errorString()));
    server.bind(tcp);
    std::printf("listening https://%s:%u\n", qPrintable(host.toString()), unsigned(tcp->serverPort()));
    std::fflush(stdout);
    return app.exec();
}
