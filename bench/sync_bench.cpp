// Sync throughput (issue 4 bar: >= 2,000 records/s sustained over 100,000 records) from a
// terminal's log to a running gateway over mutual TLS. bench/sync_bench.sh starts PostgreSQL,
// the PKI and lz-gateway around it.
// Usage: sync_bench --gateway URL[,URL] --cert FILE --key FILE --ca FILE [--records N] [--batch N]
//        [--start-at-ms T] [--terminal ID]
#include "log/RegistrationLog.h"
#include "sync/SyncClient.h"

#include "samples/Samples.h"
#include "toolkit/CliSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

using namespace lz;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options options(app.arguments().mid(1));
    const int records = options.number("--records", 100000);
    const QString terminal = options.value(QStringLiteral("--terminal"), QStringLiteral("T-BENCH"));
    SyncConfig config;
    for (const QString& url : options.value(QStringLiteral("--gateway")).split(QLatin1Char(',')))
        config.gateways.append(QUrl(url));
    config.clientCert = options.value(QStringLiteral("--cert"));
    config.clientKey = options.value(QStringLiteral("--key"));
    config.caFile = options.value(QStringLiteral("--ca"));
    config.batchSize = options.number("--batch", 500);
    config.timeoutMs = 60000;
    auto tls = SyncClient::clientTls(config);
    if (!tls) {
        std::fprintf(stderr, "%s\n", qPrintable(tls.error()));
        return 2;
    }
    QTemporaryDir dir(QStringLiteral("sync_bench-XXXXXX"));
    auto log = RegistrationLog::open(dir.filePath("log.db"), FieldKeys::fromRaw(1, QByteArray(32, 'k')),
                                     PrivateKey::generate(Algorithm::EdDSA), terminal);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().text()));
        return 2;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Registration> batch;
    for (int i = 0; i < records; ++i) {
        Registration r = samples::qrRegistration(
            now - records + i, QStringLiteral("TEST-CTID"), QByteArray::number(i),
            {QStringLiteral("V-BENCH"), VenueType::InternetCafe, terminal, QStringLiteral("op")});
        r.details = {{"seat", QStringLiteral("A-%1").arg(i % 200)}};
        Identity id;
        id.name = QStringLiteral("测试%1").arg(i % 1000);
        id.birthDate = QDate(1949, 12, 31);
        id.documentNumber = QStringLiteral("110105194912310011");
        id.ethnicity = 1;
        r.identity = id;
        batch.append(r);
        if (batch.size() == 10000 || i + 1 == records) {
            if (!(*log)->appendBatch(batch))
                return 2;
            batch.clear();
        }
    }
    // --start-at-ms T: wait until Unix ms T after making the log, so that several benches started
    // together (bench/cluster_bench.py) send at the same time.
    if (const qint64 at = options.number("--start-at-ms", 0); at > 0)
        while (QDateTime::currentMSecsSinceEpoch() < at)
            QThread::msleep(5);
    SystemClock clock;
    SyncClient client(**log, config, *tls, clock);
    QElapsedTimer t;
    bool ok = false;
    QObject::connect(&client, &SyncClient::roundFinished, [&](bool success) {
        ok = success;
        QCoreApplication::quit();
    });
    t.start();
    client.syncNow();
    QCoreApplication::exec();
    const double seconds = double(t.elapsed()) / 1000;
    const SyncStatus s = client.status();
    const double rate = double(s.sentTotal) / seconds;
    std::printf("sync: %lld of %d records acknowledged in %.1f s, batches of %d: %.0f records/s "
                "(bar >= 2000/s: %s)%s%s\n",
                qlonglong(s.sentTotal), records, seconds, config.batchSize, rate,
                ok && s.sentTotal == records && rate >= 2000 ? "meets" : "MISSES",
                ok ? "" : "; error: ", qPrintable(s.lastError ? s.lastError->text() : QString()));
    return ok ? 0 : 1;
}
