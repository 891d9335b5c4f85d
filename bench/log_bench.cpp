// Registration log bars (issue 4), on this machine's disk:
//   durable commit (append, WAL + synchronous=FULL, one fsync'ed transaction each): p95 <= 10 ms
//   a log of 1,000,000 records: today's registrations listed (personal fields opened) <= 50 ms,
//   `log verify` of the whole chain <= 10 s.
// Usage: log_bench [--dir DIR (default: a temporary directory under the current one)]
//                  [--records N (default 1000000)] [--commits N (default 2000)]
#include "Percentile.h"
#include "log/RegistrationLog.h"

#include "toolkit/CliSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace lz;
using lz::bench::percentile;

namespace {

Registration sample(qint64 at, int i) {
    Registration r;
    r.createdAtMs = at;
    r.utcOffsetS = 8 * 3600;
    r.kind =
        i % 20 != 0 ? RecordKind::Registration : RecordKind::Attempt; // one in twenty is a rejected attempt
    r.method = QStringLiteral("qr");
    r.valid = r.registered();
    r.reason = r.registered() ? QString() : QStringLiteral("presentation_expired");
    r.issuer = QStringLiteral("DEMO-GD");
    r.credentialId = QByteArray::number(i);
    r.trustListSequence = 7;
    r.venue = {QStringLiteral("V440106001"), VenueType::Hotel, QStringLiteral("T1"), QStringLiteral("op1")};
    if (r.registered()) {
        r.documentKind = QStringLiteral("resident_id");
        r.details = {{"room", QString::number(100 + i % 900)},
                     {"check_in", "2026-11-22T14:00"},
                     {"expected_checkout", "2026-11-24T12:00"},
                     {"guests", 1 + i % 3}};
        Identity id;
        id.name = QStringLiteral("测试旅客%1").arg(i % 1000);
        id.sex = Sex::Female;
        id.ethnicity = 1;
        id.birthDate = QDate(1949, 12, 31);
        id.documentNumber = QStringLiteral("11010519491231002X");
        id.level = CredentialLevel::Full; // the full level carries the address
        id.address = QStringLiteral("广东省广州市天河区测试路%1号").arg(i % 500);
        r.identity = id;
    }
    return r;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options options(app.arguments().mid(1));
    const QString dirArg = options.value(QStringLiteral("--dir"));
    const int records = options.number("--records", 1000000);
    const int commits = options.number("--commits", 2000);
    QTemporaryDir tmp(dirArg.isEmpty() ? QStringLiteral("log_bench-XXXXXX") : dirArg + "/log_bench-XXXXXX");
    const PrivateKey key = PrivateKey::generate(Algorithm::EdDSA);
    const FieldKeys keys = FieldKeys::fromRaw(1, QByteArray(32, 'b'));
    const qint64 day = 86400000, now = QDateTime::currentMSecsSinceEpoch();
    std::printf("log_bench: directory %s (a real disk: fsync is what is measured)\n", qPrintable(tmp.path()));

    // 1. Durable commits, one at a time, as the kiosk does when the clerk presses 登记.
    {
        auto log = RegistrationLog::open(tmp.filePath("commits.db"), keys, key, "T1");
        if (!log) {
            std::fprintf(stderr, "%s\n", qPrintable(log.error().text()));
            return 1;
        }
        std::vector<double> ms;
        for (int i = 0; i < commits; ++i) {
            QElapsedTimer t;
            t.start();
            if (!(*log)->append(sample(now + i, i)))
                return 1;
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        const double p95 = percentile(ms, 0.95);
        std::printf(
            "durable commit, %d appends: p50 %.2f ms, p95 %.2f ms, max %.2f ms (bar p95 <= 10 ms: %s)\n",
            commits, percentile(ms, 0.5), p95, *std::max_element(ms.begin(), ms.end()),
            p95 <= 10 ? "meets" : "MISSES");
    }

    // 2. A log of `records` registrations over 200 days, the newest day being today.
    const QString big = tmp.filePath("million.db");
    const int perDay = std::max(1, records / 200);
    const qint64 first = now - qint64(records / perDay) * day;
    {
        auto log = RegistrationLog::open(big, keys, key, "T1");
        QElapsedTimer t;
        t.start();
        QList<Registration> batch;
        for (int i = 0; i < records; ++i) {
            batch.append(sample(first + qint64(i / perDay) * day + (i % perDay) * (day / perDay), i));
            if (batch.size() == 10000 || i + 1 == records) {
                if (auto r = (*log)->appendBatch(batch); !r) {
                    std::fprintf(stderr, "%s\n", qPrintable(r.error().text()));
                    return 1;
                }
                batch.clear();
            }
        }
        std::printf("built %d records in %.1f s (batches of 10,000; %d a day)\n", records,
                    double(t.elapsed()) / 1000, perDay);
    }
    QElapsedTimer t;
    t.start();
    auto log = RegistrationLog::open(big, keys, key, "T1"); // includes PRAGMA quick_check
    std::printf("open with integrity check: %.2f s\n", double(t.elapsed()) / 1000);
    const qint64 todayStart = first + qint64(records / perDay - 1) * day;
    std::vector<double> listMs;
    qsizetype listed = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer l;
        l.start();
        const auto today = (*log)->listCreated(todayStart, todayStart + day);
        listMs.push_back(double(l.nsecsElapsed()) / 1e6);
        listed = today ? today->size() : -1;
        if (!today)
            std::fprintf(stderr, "list: %s\n", qPrintable(today.error().text()));
    }
    const double listMedian = percentile(listMs, 0.5);
    std::printf(
        "today's registrations (%lld, personal fields opened): median %.1f ms of 7 (bar <= 50 ms: %s)\n",
        qlonglong(listed), listMedian, listMedian <= 50 ? "meets" : "MISSES");
    t.restart();
    const LogVerifyReport report = (*log)->verify();
    const double verifyS = double(t.elapsed()) / 1000;
    std::printf("log verify, %lld records, %lld checkpoints: %.2f s, %s (bar <= 10 s: %s)\n",
                qlonglong(report.records), qlonglong(report.checkpoints), verifyS,
                report.ok() ? "intact" : "PROBLEMS", verifyS <= 10 ? "meets" : "MISSES");
    t.restart();
    const auto status = (*log)->status();
    std::printf("status (queue length, oldest unsent): %.1f ms\n", double(t.nsecsElapsed()) / 1e6);
    return report.ok() && status ? 0 : 1;
}
