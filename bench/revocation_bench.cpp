// Revocation at national scale: 10 million revoked credential serials.
// Bars (issue 2): loaded in <= 2 s, each lookup <= 1 us, <= 64 MB resident for the structure.
// "Load" is measured twice: building the structure from the serials alone, and the whole
// path a terminal takes at start-up (read the cached trust list file, verify its signature
// over ~80 MB, parse the CBOR, build the structure).
#include "BenchSummary.h"
#include "trust/TrustStore.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

using namespace lz;

namespace {

constexpr std::size_t kRevoked = 10'000'000;
constexpr std::size_t kQueries = 1 << 20;

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

QByteArray& serials() {
    static QByteArray s = [] {
        QByteArray b(qsizetype(kRevoked * 8), Qt::Uninitialized);
        QRandomGenerator rng(20261122);
        rng.fillRange(reinterpret_cast<quint32*>(b.data()), qsizetype(kRevoked * 2));
        return b;
    }();
    return s;
}

const RevocationSet& revocationSet() {
    static RevocationSet set = RevocationSet::build(serials().constData(), kRevoked);
    return set;
}

void BM_LookupRevoked(benchmark::State& state) {
    const RevocationSet& set = revocationSet();
    std::vector<std::uint64_t> queries(kQueries);
    QRandomGenerator rng(7);
    for (auto& q : queries)
        q = RevocationSet::readSerial(serials().constData() + 8 * rng.bounded(quint32(kRevoked)));
    std::size_t i = 0, hits = 0;
    for (auto _ : state)
        hits += set.contains(queries[i++ & (kQueries - 1)]);
    if (hits != std::size_t(state.iterations()))
        state.SkipWithError("a revoked serial was not found");
}

void BM_LookupNotRevoked(benchmark::State& state) {
    const RevocationSet& set = revocationSet();
    std::vector<std::uint64_t> queries(kQueries);
    QRandomGenerator rng(8);
    for (auto& q : queries)
        q = rng.generate64();
    std::size_t i = 0, hits = 0;
    for (auto _ : state)
        hits += set.contains(queries[i++ & (kQueries - 1)]);
    benchmark::DoNotOptimize(hits);
}

BENCHMARK(BM_LookupRevoked)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_LookupNotRevoked)->Unit(benchmark::kNanosecond);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    serials(); // generate the input first, outside every measurement

    // 1. Structure alone: build time and resident memory.
    const long before = residentKiB();
    auto t = std::chrono::steady_clock::now();
    const RevocationSet& set = revocationSet();
    const double buildSeconds = secondsSince(t);
    const long after = residentKiB();

    // 2. Whole start-up path from a cached trust list file.
    const PrivateKey anchor = PrivateKey::generate(Algorithm::ES256);
    TrustList list;
    list.sequence = 1;
    list.issuedAt = 1790000000;
    list.nextUpdate = list.issuedAt + 86400;
    list.issuers.append(
        {"k", QStringLiteral("BENCH"), {}, PrivateKey::generate(Algorithm::ES256).publicKey(), 0, 1});
    list.revokedSerials.insert(QStringLiteral("BENCH"), serials());
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("trust.cose"));
    {
        QFile f(cache);
        f.open(QIODevice::WriteOnly);
        f.write(list.sign(anchor, "a"));
    }
    list.revokedSerials.clear();
    double storeSeconds = 0;
    std::size_t loaded = 0;
    {
        TrustStore store({{"a", anchor.publicKey()}}, cache);
        t = std::chrono::steady_clock::now();
        const bool ok = store.loadCached().hasValue() && store.current();
        storeSeconds = secondsSince(t);
        loaded = ok ? store.current()->revocationCount() : 0;
    }

    lz::bench::RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    const double hitNs = reporter.nanos("BM_LookupRevoked"), missNs = reporter.nanos("BM_LookupNotRevoked");
    const double structMiB = double(set.memoryBytes()) / (1024.0 * 1024.0);
    const double rssMiB = double(after - before) / 1024.0;

    std::printf("\nRevocation with %zu revoked serials\n", kRevoked);
    std::printf("  build structure from serials     %8.3f s     bar <= 2 s     %s\n", buildSeconds,
                buildSeconds <= 2 ? "meets" : "MISSES");
    std::printf("  load cached trust list (verify + parse + build, %zu ids)  %8.3f s   bar <= 2 s   %s\n",
                loaded, storeSeconds, storeSeconds <= 2 && loaded == kRevoked ? "meets" : "MISSES");
    auto verdict = [](double ns) { return ns == 0 ? "not run" : ns <= 1000 ? "meets" : "MISSES"; };
    std::printf("  lookup, revoked id               %8.1f ns    bar <= 1000 ns %s\n", hitNs, verdict(hitNs));
    std::printf("  lookup, not revoked              %8.1f ns    bar <= 1000 ns %s\n", missNs,
                verdict(missNs));
    std::printf("  structure size (allocated)       %8.1f MiB   bar <= 64 MB   %s\n", structMiB,
                structMiB * 1.048576 <= 64 ? "meets" : "MISSES");
    std::printf("  resident growth while building   %8.1f MiB\n", rssMiB);
    benchmark::Shutdown();
    return 0;
}
