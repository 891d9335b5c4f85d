// One terminal of the failover soak (issue 20; bench/failover_soak.sh): registers records at a
// steady rate into a real registration log and forwards them with the product's SyncClient to a
// list of gateway instances, for a given time. Prints "ack MS TOTAL" whenever more records were
// acknowledged (MS: Unix milliseconds), so the soak can time each kill to the first batch
// accepted again; then stops registering, forwards the rest, and prints "done SENT UNSENT".
// The log stays in --log for the soak to compare with the gateway's database.
// Usage: failover_terminal --terminal ID --gateways URL[,URL] --cert F --key F --ca F --log FILE
//        [--rate N records/s (20)] [--seconds S (60)] [--drain-seconds S (120)]
//        [--stop-file F: stop registering as soon as F exists (the soak's faults are done)]
#include "log/RegistrationLog.h"
#include "sync/SyncClient.h"

#include "samples/Samples.h"
#include "toolkit/CliSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTimer>
#include <cstdio>

using namespace lz;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options options(app.arguments().mid(1));
    const QString terminal = options.value(QStringLiteral("--terminal"));
    const int rate = int(options.number("--rate", 20));
    const qint64 runMs = options.number("--seconds", 60) * 1000;
    const qint64 drainMs = options.number("--drain-seconds", 120) * 1000;
    const QString stopFile = options.value(QStringLiteral("--stop-file"));
    SyncConfig config;
    for (const QString& url : options.value(QStringLiteral("--gateways")).split(QLatin1Char(',')))
        config.gateways.append(QUrl(url));
    config.clientCert = options.value(QStringLiteral("--cert"));
    config.clientKey = options.value(QStringLiteral("--key"));
    config.caFile = options.value(QStringLiteral("--ca"));
    config.intervalMs = 250; // a busy desk: forward almost as soon as registered
    config.batchSize = 200;
    auto tls = SyncClient::clientTls(config);
    if (!tls) {
        std::fprintf(stderr, "%s\n", qPrintable(tls.error()));
        return 2;
    }
    auto log = RegistrationLog::open(options.value(QStringLiteral("--log")),
                                     FieldKeys::fromRaw(1, QByteArray(32, 'k')),
                                     PrivateKey::generate(Algorithm::EdDSA), terminal);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().text()));
        return 2;
    }
    SystemClock clock;
    SyncClient client(**log, config, *tls, clock);
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    qint64 registered = 0, reported = 0;
    bool draining = false;
    qint64 drainFrom = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (const qint64 sent = client.status().sentTotal; sent > reported) {
            reported = sent;
            std::printf("ack %lld %lld\n", now, sent);
            std::fflush(stdout);
        }
        if (!draining && (now - started >= runMs || (!stopFile.isEmpty() && QFile::exists(stopFile)))) {
            draining = true;
            drainFrom = now;
        }
        if (!draining) { // registrations due by now at the rate, in one append
            QList<Registration> due;
            for (qint64 n = (now - started) * rate / 1000; registered < n; ++registered) {
                Registration r = samples::qrRegistration(
                    now, QStringLiteral("TEST-CTID"), QByteArray::number(registered),
                    {QStringLiteral("V-SOAK"), VenueType::InternetCafe, terminal, QStringLiteral("op")});
                r.identity = samples::residentIdentity();
                r.details = {{"seat", QStringLiteral("A-%1").arg(registered % 200)}};
                due.append(r);
            }
            if (!due.isEmpty() && !(*log)->appendBatch(due)) {
                std::fprintf(stderr, "append failed\n");
                QCoreApplication::exit(2);
            }
            return;
        }
        const qint64 unsent = client.status().queue;
        if (unsent == 0 || now - drainFrom >= drainMs) {
            std::printf("done %lld %lld\n", qlonglong(client.status().sentTotal), qlonglong(unsent));
            std::fflush(stdout);
            QCoreApplication::exit(unsent == 0 ? 0 : 1);
        }
    });
    tick.start(50);
    client.start();
    return QCoreApplication::exec();
}
