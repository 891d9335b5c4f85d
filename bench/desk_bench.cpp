// desk_bench: what the desk (issue 15) costs a terminal, on this machine's disk.
//   start-up: Desk::open reads the last 60 days of a busy hotel's log for its open stays
//   decide(): the desk's rules on a verified result (before: the kiosk backend's few lines)
//   register: Desk::registerGuest (rules + one durable append) against a bare log append
// Usage: desk_bench [--days N (default 60)] [--per-day N (default 300)] [--commits N (default 200)]
#include "Percentile.h"
#include "credential/IdNumber.h"
#include "desk/Desk.h"
#include "log/RecordId.h"
#include "toolkit/CliSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lz;
using lz::bench::percentile;

namespace {

constexpr qint64 kNow = 1'796'400'000; // 2026-12-04

QString number(int i) {
    const QString first17 = QStringLiteral("440106") +
                            QDate(1960, 1, 1).addDays(i % 15000).toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg((i / 15000) % 1000, 3, 10, QLatin1Char('0'));
    return first17 + idnumber::checkCharacter(first17);
}

Identity guest(int i) {
    Identity id;
    id.name = QStringLiteral("测试旅客%1").arg(i % 1000);
    const QString n = number(i);
    id.documentNumber = n;
    id.birthDate = QDate::fromString(n.mid(6, 8), QStringLiteral("yyyyMMdd"));
    id.sex = n.at(16).digitValue() % 2 ? Sex::Male : Sex::Female;
    id.ethnicity = 1;
    return id;
}

VerificationResult valid(int i) {
    VerificationResult r;
    r.valid = true;
    r.reason = Reason::None;
    r.identity = guest(i);
    r.issuer = QStringLiteral("DEMO-GD");
    r.credentialId = QByteArray::number(i);
    return r;
}

QJsonObject hotel(qint64 at, int i) {
    return {{"room", QString::number(100 + i % 900)},
            {"check_in", QDateTime::fromSecsSinceEpoch(at).toString(Qt::ISODate)},
            {"expected_checkout", QDateTime::fromSecsSinceEpoch(at + 2 * 86400).toString(Qt::ISODate)},
            {"guests", 1}};
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options options(app.arguments().mid(1));
    const int days = int(options.number("--days", 60)), perDay = int(options.number("--per-day", 300)),
              commits = int(options.number("--commits", 200));
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("desk-bench-XXXXXX")));
    const PrivateKey key = PrivateKey::generate(Algorithm::EdDSA);
    auto log = RegistrationLog::open(dir.filePath(QStringLiteral("log.db")),
                                     FieldKeys::fromRaw(1, QByteArray(32, 'k')), key, QStringLiteral("T1"));
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().text()));
        return 1;
    }
    // A busy hotel's history: perDay registrations a day, each stay two nights, nine in ten
    // checked out by the clerk.
    const VenueContext venue{QStringLiteral("V1"), VenueType::Hotel, QStringLiteral("T1"),
                             QStringLiteral("op")};
    QList<Registration> batch;
    int n = 0;
    for (int d = days; d > 0; --d)
        for (int k = 0; k < perDay; ++k, ++n) {
            const qint64 at = kNow - qint64(d) * 86400 + k * (86400 / perDay);
            batch.append(
                registrationFrom(valid(n), QStringLiteral("qr"), venue, hotel(at, n), at * 1000, 28800));
        }
    if (auto w = (*log)->appendBatch(batch); !w) {
        std::fprintf(stderr, "%s\n", qPrintable(w.error().text()));
        return 1;
    }
    QList<Registration> checkouts;
    for (const Registration& r : std::as_const(batch)) {
        if (r.seq % 10 == 0)
            continue;
        Registration c = r;
        c.kind = RecordKind::Checkout;
        c.createdAtMs = r.createdAtMs + 2 * 86'400'000;
        c.details = {{"stay", recordIdText(r.id)},
                     {"room", r.details.value("room")},
                     {"departed", QDateTime::fromMSecsSinceEpoch(c.createdAtMs).toString(Qt::ISODate)}};
        checkouts.append(c);
    }
    if (auto w = (*log)->appendBatch(checkouts); !w) {
        std::fprintf(stderr, "%s\n", qPrintable(w.error().text()));
        return 1;
    }
    std::printf("log: %d registrations and %lld check-outs over %d days\n", n, qint64(checkouts.size()),
                days);

    FixedClock clock(kNow);
    std::vector<double> openMs;
    qint64 stays = 0;
    for (int i = 0; i < 5; ++i) {
        desk::Desk desk(log->get(), venue, clock);
        QElapsedTimer t;
        t.start();
        if (auto opened = desk.open(); !opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().text()));
            return 1;
        }
        openMs.push_back(double(t.nsecsElapsed()) / 1e6);
        stays = desk.openStays().size();
    }
    desk::Desk desk(log->get(), venue, clock);
    (void)desk.open();

    std::vector<double> decideUs;
    for (int i = 0; i < 20000; ++i) {
        const VerificationResult r = valid(1'000'000 + i);
        QElapsedTimer t;
        t.start();
        const desk::Decision d = desk.decide(r, QStringLiteral("qr"));
        decideUs.push_back(double(t.nsecsElapsed()) / 1e3);
        if (d.id == 0) {
            std::fprintf(stderr, "not registrable: %s\n", qPrintable(d.refusal));
            return 1;
        }
    }
    std::vector<double> registerMs, appendMs;
    for (int i = 0; i < commits; ++i) {
        const desk::Decision d = desk.decide(valid(2'000'000 + i), QStringLiteral("qr"));
        QElapsedTimer t;
        t.start();
        auto r = desk.registerGuest(d.id, hotel(kNow, i), QStringLiteral("op"));
        registerMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().text()));
            return 1;
        }
        const Registration bare = registrationFrom(valid(3'000'000 + i), QStringLiteral("qr"), venue,
                                                   hotel(kNow, i), kNow * 1000, 28800);
        t.restart();
        if (!(*log)->append(bare))
            return 1;
        appendMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("desk open (open stays from %d days): median %.1f ms, max %.1f ms; %lld stays open\n", days,
                percentile(openMs, 0.5), percentile(openMs, 1.0), stays);
    std::printf(
        "decide() on a verified result: median %.2f us, p99 %.2f us (a verification itself is ~1 ms)\n",
        percentile(decideUs, 0.5), percentile(decideUs, 0.99));
    std::printf("register: desk median %.2f ms p95 %.2f ms | bare log append median %.2f ms p95 %.2f ms\n",
                percentile(registerMs, 0.5), percentile(registerMs, 0.95), percentile(appendMs, 0.5),
                percentile(appendMs, 0.95));
    return 0;
}
