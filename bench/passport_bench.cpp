// passport_bench: issue 7's bars through the real path — NfcReader → lz-nfc-reader (libnfc's
// pn532_uart driver) → lz-pn532-emu serving a signed passport (lz-issuer's kind of directory:
// EF.COM, DG1, a 20 KB DG2 around the demo face, EF.SOD under a document signer of the DEMO
// CSCA) → readChip (BAC, or PACE on brainpoolP256r1 / P-256) → Verifier::verifyPassport
// (passive authentication against the demo trust list's CSCA, then active authentication: the
// chip has DG14/DG15 and answers INTERNAL AUTHENTICATE with ECDSA P-256).
//   full read + PA: from the chip selected by the reader to the verdict (bar ≤ 1500 ms,
//                   terminal-side, instant chip); APDUs against the minimum for the reader's Le
//   PA alone:       Verifier::verifyPassport on the files read (bar ≤ 5 ms)
//   face decode:    the DG2 face for the screen, JPEG and JPEG 2000 (what the kiosk adds)
//   large face:     a 70 KB DG2 (READ BINARY B1 past 32 767): APDUs against the minimum
// Run: build/bin/passport_bench [READS]   (from the build tree; finds the helpers next to itself)
#include "demo/DemoKit.h"
#include "icao/ChipReader.h"
#include "icao/Dg2.h"
#include "icao/PassiveAuth.h"
#include "nfcreader/NfcReader.h"
#include "passport/DemoPassport.h"
#include "photo/FaceDecoder.h"
#include "verify/Verifier.h"

#include "EmulatorProcess.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <thread>

using namespace lz;
using namespace lz::nfc;

namespace {

QElapsedTimer clockMs;
double nowMs() {
    return double(clockMs.nsecsElapsed()) / 1e6;
}

struct Stats {
    double median = 0, p95 = 0, max = 0;
};
Stats stats(QList<double> v) {
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[qMin(v.size() - 1, qsizetype(v.size() * 0.95))], v.last()};
}
const char* meets(double value, double bar) {
    return value <= bar ? "meets" : "MISSES";
}

struct Reads {
    QString access;
    QList<double> readMs, selectedToVerdictMs, placedToVerdictMs, paMs;
    int apdus = 0, minimum = 0, valid = 0, invalid = 0;
    qint64 bytes = 0, dg2 = 0;
    QMap<int, QByteArray> lastGroups;
    icao::ActiveAuthExchange lastActiveAuth;
};

// One emulated reader with the passport in `dir`, `count` reads through libnfc.
Reads readThroughLibnfc(const QString& binDir, const QString& dir, const QStringList& chip,
                        Verifier& verifier, const icao::MrzKey& key, int count) {
    lz::pn532::EmulatorProcess emu(binDir + QStringLiteral("/lz-pn532-emu"),
                                   QStringList{QStringLiteral("--card"), QStringLiteral("passport"),
                                               QStringLiteral("--passport"), dir,
                                               QStringLiteral("--start-absent")} +
                                       chip);
    NfcReaderOptions o;
    o.helperPath = binDir + QStringLiteral("/lz-nfc-reader");
    o.connstring = QStringLiteral("pn532_uart:") + emu.pty();
    o.commandTimeoutMs = 2000;
    NfcReader reader(o);
    StopToken stop;
    QMutex m;
    Reads out;
    int done = 0;
    bool ready = false;
    double placedAt = 0;
    std::unique_ptr<QThread> t(QThread::create([&] {
        reader.run(
            stop,
            [&](const NfcReaderStatus& s) {
                QMutexLocker l(&m);
                ready = s.state == NfcReaderStatus::State::Ready;
            },
            [&](const NfcTarget&, const Transceive& transceive) {
                const double t0 = nowMs();
                auto r = icao::readChip(transceive, key);
                const double t1 = nowMs();
                std::optional<VerificationResult> verdict;
                if (r)
                    verdict = verifier.verifyPassport(r->dataGroups(), r->files.value(icao::kEfSod).content,
                                                      key, r->activeAuth);
                const double t2 = nowMs();
                QMutexLocker l(&m);
                if (r && verdict) {
                    out.access = r->access;
                    out.readMs << t1 - t0;
                    out.paMs << double(verdict->timings.totalNs) / 1e6;
                    out.selectedToVerdictMs << t2 - t0;
                    out.placedToVerdictMs << t2 - placedAt;
                    out.apdus = r->apdus;
                    out.minimum = r->minimumApdus;
                    out.bytes = r->bytesSent + r->bytesReceived;
                    out.dg2 = r->files.value(icao::kEfDg2).content.size();
                    out.lastGroups = r->dataGroups();
                    out.lastActiveAuth = r->activeAuth;
                    (verdict->valid ? out.valid : out.invalid)++;
                } else {
                    out.invalid++;
                }
                ++done;
            });
    }));
    t->start();
    auto wait = [&](auto condition) {
        for (int i = 0; i < 2000; ++i) {
            {
                QMutexLocker l(&m);
                if (condition())
                    return;
            }
            QThread::msleep(2);
        }
    };
    for (int i = 0; i < count; ++i) {
        wait([&] { return ready; });
        {
            QMutexLocker l(&m);
            placedAt = nowMs();
        }
        emu.say("place");
        wait([&] { return done > i; });
        emu.say("remove");
        QThread::msleep(150);
    }
    stop.request();
    t->wait();
    return out;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    clockMs.start();
    const int count = argc > 1 ? std::max(3, std::atoi(argv[1])) : 20;
    const QString binDir = QCoreApplication::applicationDirPath();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto kit = demo::DemoKit::load(now);
    if (!kit) {
        std::fprintf(stderr, "%s\n", qPrintable(kit.error()));
        return 1;
    }
    TrustStore store({kit->anchor()}, {});
    if (!store.install(kit->signTrustList(now))) {
        std::fprintf(stderr, "trust list\n");
        return 1;
    }
    SystemClock clock;
    Verifier verifier(store, clock, nullptr, nullptr);
    const icao::MrzKey key = icao::parseMrz(QString::fromLatin1(demo::kDemoPassportMrz))->key;

    // The demo passport with its face padded to a 20 KB DG2 (bytes after the JPEG's end are
    // ignored by decoders, hashed and signed like the rest).
    auto passport = passport::demoPassport(*kit, now);
    auto csca = passport::Signer::load(kit->cscaCertificate(), kit->cscaKeyPem());
    if (!passport || !csca) {
        std::fprintf(stderr, "demo passport\n");
        return 1;
    }
    passport::CertificateSpec dsSpec;
    dsSpec.commonName = QStringLiteral("DS bench");
    dsSpec.notBefore = now - 86400;
    dsSpec.notAfter = now + 86400 * 365;
    const passport::Signer ds = passport::makeDocumentSigner(*csca, dsSpec);
    auto make = [&](int dg2Bytes, const QString& dir) {
        passport::PassportSpec spec;
        spec.mrz = demo::kDemoPassportMrz;
        spec.photo = demo::DemoKit::facePhoto();
        spec.photo += QByteArray(qMax(0, dg2Bytes - int(spec.photo.size()) - 120), '\0');
        spec.photoWidth = 420;
        spec.photoHeight = 540;
        spec.activeAuth = QStringLiteral("ec"); // DG14 + DG15, INTERNAL AUTHENTICATE after the reads
        auto p = passport::makePassport(spec, ds);
        return p && p->save(dir);
    };
    QTemporaryDir dir20, dir70;
    if (!make(20 * 1024, dir20.path()) || !make(70 * 1024, dir70.path())) {
        std::fprintf(stderr, "passport directories\n");
        return 1;
    }

    std::fflush(stdout);
    std::printf("Passport read + passive authentication through libnfc 1.8 pn532_uart and the emulated "
                "PN532 (instant chip), Le %d, %d reads each\n",
                icao::kMaxReadLe, count);
    QList<double> allPa;
    Reads last;
    for (const auto& [name, chip] :
         {std::pair{"BAC", QStringList{}},
          std::pair{"PACE brainpoolP256r1", QStringList{QStringLiteral("--pace"), QStringLiteral("13")}},
          std::pair{"PACE P-256", QStringList{QStringLiteral("--pace"), QStringLiteral("12")}}}) {
        const Reads r = readThroughLibnfc(binDir, dir20.path(), chip, verifier, key, count);
        const Stats full = stats(r.selectedToVerdictMs), read = stats(r.readMs), pa = stats(r.paMs),
                    placed = stats(r.placedToVerdictMs);
        allPa += r.paMs;
        last = r;
        std::printf("%-21s EF.COM + DG1 + %.1f KB DG2 + DG14 + DG15 + SOD: %d valid / %d refused; %d APDUs "
                    "(minimum %d), "
                    "%lld bytes over the air\n",
                    name, r.dg2 / 1024.0, r.valid, r.invalid, r.apdus, r.minimum, r.bytes);
        std::printf("    chip selected -> verdict (read + PA + AA): median %.1f ms, p95 %.1f, max %.1f   bar "
                    "<= 1500 ms: %s\n",
                    full.median, full.p95, full.max, meets(full.max, 1500));
        std::printf("    [read alone: median %.1f ms; passive + active authentication in it: median %.2f ms; "
                    "placed -> verdict incl. "
                    "polling: median %.1f ms]\n",
                    read.median, pa.median, placed.median);
    }

    // Passive authentication alone (the CMS signature, the chain to the CSCA, every data group's
    // hash), then the Verifier's whole passport judgement (PA + DG1 checks + active
    // authentication), on the files as read, many times.
    {
        const auto list = store.current();
        const QByteArray sod = passport::PassportFiles::load(dir20.path())->files.value(icao::kEfSod);
        QList<double> paMs, verifierMs;
        int paValid = 0, verifierValid = 0;
        for (int i = 0; i < 1000; ++i) {
            const double t0 = nowMs();
            paValid += icao::passiveAuthenticate(sod, last.lastGroups, *list->cscaStore, now).ok();
            const double t1 = nowMs();
            verifierValid += verifier.verifyPassport(last.lastGroups, sod, key, last.lastActiveAuth).valid;
            verifierMs << nowMs() - t1;
            paMs << t1 - t0;
        }
        const Stats pa = stats(paMs), whole = stats(verifierMs);
        std::printf(
            "passive authentication alone (4 data groups, 1000 runs, %d valid): median %.2f ms, p95 %.2f, "
            "max %.2f   bar <= 5 ms: %s\n",
            paValid, pa.median, pa.p95, pa.max, meets(pa.p95, 5));
        std::printf(
            "Verifier::verifyPassport (PA + DG1 checks + active authentication, 1000 runs, %d valid): "
            "median %.2f ms, p95 %.2f\n",
            verifierValid, whole.median, whole.p95);
    }

    // Active authentication's check alone (ECDSA P-256 over the chip's answer).
    {
        QList<double> ms;
        int ok = 0;
        for (int i = 0; i < 1000; ++i) {
            const double t0 = nowMs();
            ok += bool(icao::verifyActiveAuthentication(last.lastGroups.value(15), last.lastGroups.value(14),
                                                        last.lastActiveAuth));
            ms << nowMs() - t0;
        }
        const Stats s = stats(ms);
        std::printf("active authentication check alone (ECDSA P-256, 1000 runs, %d valid): median %.2f ms, "
                    "p95 %.2f\n",
                    ok, s.median, s.p95);
    }

    // What the kiosk adds before the verdict reaches the screen: the face decoded.
    for (bool jp2 : {false, true}) {
        const auto face = icao::parseDg2(passport::dg2(demo::DemoKit::facePhoto(jp2), jp2, 0, 0));
        QList<double> ms;
        for (int i = 0; i < 50; ++i) {
            const double t0 = nowMs();
            const auto decoded = photo::decodeFace(*face);
            ms << nowMs() - t0;
            if (!decoded.problem.isEmpty())
                std::printf("decode problem %s\n", qPrintable(decoded.problem));
        }
        const Stats s = stats(ms);
        std::printf("face decode for the screen, %s (%lld bytes): median %.2f ms, max %.2f\n",
                    jp2 ? "JPEG 2000 240x308" : "JPEG 420x540", qint64(face->data.size()), s.median, s.max);
    }

    // A large face: files past 32 767 bytes use READ BINARY B1.
    const Reads big =
        readThroughLibnfc(binDir, dir70.path(), {QStringLiteral("--pace"), QStringLiteral("13")}, verifier,
                          key, qMax(3, count / 4));
    const Stats b = stats(big.selectedToVerdictMs);
    std::printf("70 KB DG2 (B1 past 32 767), PACE: %d valid; %d APDUs (minimum %d); chip selected -> verdict "
                "median %.1f ms, max %.1f\n",
                big.valid, big.apdus, big.minimum, b.median, b.max);
    return 0;
}
