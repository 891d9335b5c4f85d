// nfc_bench: issue 6's bars through the real path — NfcReader → lz-nfc-reader (libnfc's
// pn532_uart driver) → lz-pn532-emu on a pty with an instant wallet card → readWallet → Verifier.
//   cold tap:  reader not open; from starting the reader to the verdict (bar ≤ 150 ms)
//   warm tap:  reader open; from the card entering the field ("place") to the verdict, and from
//              the helper reporting the selected card to the verdict (bar ≤ 20 ms)
//   unplug:    from the reader vanishing to "absent" (bar ≤ 1 s); replug: from a reader being
//              there again under the same name to "ready" (bar ≤ 3 s)
// Run: build/bin/nfc_bench [TAPS]   (from the build tree; finds the helpers next to itself)
#include "demo/DemoKit.h"
#include "nfcreader/NfcReader.h"
#include "verify/Verifier.h"

#include "EmulatorProcess.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <thread>

using namespace lz;
using namespace lz::nfc;

namespace {

QString binDir;
QElapsedTimer clockMs;

double nowMs() {
    return double(clockMs.nsecsElapsed()) / 1e6;
}

struct Emulator : lz::pn532::EmulatorProcess {
    explicit Emulator(const QStringList& args)
        : EmulatorProcess(binDir + QStringLiteral("/lz-pn532-emu"), args) {}
};

struct World {
    std::optional<demo::DemoKit> kit;
    std::unique_ptr<TrustStore> store;
    SystemClock clock;
    ReplayCache replay;
    std::unique_ptr<Verifier> verifier;
    World() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        kit = std::move(*demo::DemoKit::load(now));
        store = std::make_unique<TrustStore>(QList<TrustAnchor>{kit->anchor()}, QString());
        (void)store->install(kit->signTrustList(now));
        verifier = std::make_unique<Verifier>(*store, clock, nullptr, &replay);
    }
};

// The reader on its own thread; records when things happened (ms on clockMs).
class Run {
public:
    QMutex mutex;
    double readyAt = -1, absentAt = -1, cardAt = -1, verdictAt = -1;
    int verdicts = 0, valid = 0, apdus = 0;
    qsizetype portraitBytes = 0;
    NfcReaderStatus::State state = NfcReaderStatus::State::Starting;

    Run(World& world, const QString& connstring, bool withPortrait = false)
        : m_world(world) {
        NfcReaderOptions o;
        o.helperPath = binDir + QStringLiteral("/lz-nfc-reader");
        o.connstring = connstring;
        m_reader = std::make_unique<NfcReader>(o);
        m_thread.reset(QThread::create([this, withPortrait] {
            m_reader->run(
                m_stop,
                [this](const NfcReaderStatus& s) {
                    QMutexLocker l(&mutex);
                    state = s.state;
                    if (s.state == NfcReaderStatus::State::Ready && readyAt < 0)
                        readyAt = nowMs();
                    if (s.state == NfcReaderStatus::State::Absent && absentAt < 0)
                        absentAt = nowMs();
                },
                [this, withPortrait](const NfcTarget&, const Transceive& transceive) {
                    const double card = nowMs();
                    const auto challenge = wallet::Challenge::make(QStringLiteral("T-BENCH"),
                                                                   QDateTime::currentSecsSinceEpoch());
                    QList<double> each;
                    const Transceive timed = [&](const QByteArray& c) {
                        const double t = nowMs();
                        auto r = transceive(c);
                        each << nowMs() - t;
                        return r;
                    };
                    auto read = readWallet(timed, challenge, withPortrait);
                    if (qEnvironmentVariableIsSet("LZ_BENCH_VERBOSE") && nowMs() - card > 5)
                        std::printf("slow tap: APDUs %.1f %.1f %.1f ms, verify after\n", each.value(0),
                                    each.value(1), each.value(2));
                    bool ok = false;
                    if (read)
                        ok = m_world.verifier
                                 ->verifyPresentation(read->presentation, challenge.nonce,
                                                      QStringLiteral("T-BENCH"))
                                 .valid;
                    QMutexLocker l(&mutex);
                    cardAt = card;
                    verdictAt = nowMs();
                    ++verdicts;
                    valid += ok ? 1 : 0;
                    apdus = read ? read->apdus : 0;
                    portraitBytes = read ? read->portrait.size() : 0;
                });
        }));
        m_thread->start();
    }
    ~Run() {
        m_stop.request();
        m_thread->wait();
    }
    template <typename F> bool waitFor(F done, int ms = 5000) {
        QElapsedTimer t;
        t.start();
        for (;;) {
            {
                QMutexLocker l(&mutex);
                if (done())
                    return true;
            }
            if (t.elapsed() > ms)
                return false;
            QThread::usleep(200);
        }
    }

private:
    World& m_world;
    std::unique_ptr<NfcReader> m_reader;
    StopToken m_stop;
    std::unique_ptr<QThread> m_thread;
};

struct Stats {
    double median, p95, max;
};
Stats stats(QList<double> v) {
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return {0, 0, 0};
    return {v[v.size() / 2], v[qMin<qsizetype>(v.size() - 1, qsizetype(v.size() * 0.95))], v.last()};
}
const char* meets(double value, double bar) {
    return value <= bar ? "meets" : "MISSES";
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    binDir = QCoreApplication::applicationDirPath();
    const int taps = argc > 1 ? std::max(5, std::atoi(argv[1])) : 50;
    clockMs.start();
    World world;

    // Cold: the reader is started while the phone already lies on it.
    QList<double> cold, coldReady;
    for (int i = 0; i < 15; ++i) {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet")});
        const double t0 = nowMs();
        Run run(world, QStringLiteral("pn532_uart:") + emu.pty());
        if (!run.waitFor([&] { return run.verdicts > 0; }) || run.valid != 1) {
            std::fprintf(stderr, "cold tap %d: no valid verdict\n", i);
            return 1;
        }
        cold << run.verdictAt - t0;
        coldReady << run.readyAt - t0;
    }

    // Warm: one reader, many taps.
    QList<double> placeToVerdict, cardToVerdict;
    int apdus = 0;
    {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--start-absent")});
        Run run(world, QStringLiteral("pn532_uart:") + emu.pty());
        run.waitFor([&] { return run.readyAt >= 0; });
        for (int i = 0; i < taps; ++i) {
            QThread::msleep(20 +
                            QRandomGenerator::global()->bounded(60)); // at random points of the polling cycle
            const double t0 = nowMs();
            emu.say("place");
            if (!run.waitFor([&] { return run.verdicts > i; }) || run.valid != i + 1) {
                std::fprintf(stderr, "warm tap %d: no valid verdict\n", i);
                return 1;
            }
            placeToVerdict << run.verdictAt - t0;
            cardToVerdict << run.verdictAt - run.cardAt;
            apdus = run.apdus;
            emu.say("remove");
            run.waitFor([&] { return run.state == NfcReaderStatus::State::Ready; });
        }
    }

    // Issue 17: the same taps with the holder's portrait read after the answer (12 KiB, a typical
    // passport-style JPEG under the 16 KiB budget): what the face check adds to a tap.
    QList<double> portraitTaps;
    int portraitApdus = 0;
    qsizetype portraitRead = 0;
    {
        QTemporaryDir pdir;
        QFile portrait(pdir.filePath(QStringLiteral("portrait.jpg")));
        portrait.open(QIODevice::WriteOnly);
        portrait.write(QByteArray(12 * 1024, '\x5a'));
        portrait.close();
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--start-absent"),
                      QStringLiteral("--portrait"), portrait.fileName()});
        Run run(world, QStringLiteral("pn532_uart:") + emu.pty(), true);
        run.waitFor([&] { return run.readyAt >= 0; });
        for (int i = 0; i < 10; ++i) {
            QThread::msleep(20 + QRandomGenerator::global()->bounded(60));
            emu.say("place");
            if (!run.waitFor([&] { return run.verdicts > i; }) || run.valid != i + 1) {
                std::fprintf(stderr, "portrait tap %d: no valid verdict\n", i);
                return 1;
            }
            portraitTaps << run.verdictAt - run.cardAt;
            portraitApdus = run.apdus;
            portraitRead = run.portraitBytes;
            emu.say("remove");
            run.waitFor([&] { return run.state == NfcReaderStatus::State::Ready; });
        }
    }

    // Unplug and replug under one name (like a udev symlink), 5 times.
    QList<double> unplug, replug;
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("ttyNFC"));
    {
        auto emu = std::make_unique<Emulator>(QStringList{QStringLiteral("--card"), QStringLiteral("wallet"),
                                                          QStringLiteral("--start-absent"),
                                                          QStringLiteral("--link"), link});
        Run run(world, QStringLiteral("pn532_uart:") + link);
        run.waitFor([&] { return run.readyAt >= 0; });
        for (int i = 0; i < 5; ++i) {
            {
                QMutexLocker l(&run.mutex);
                run.absentAt = -1;
            }
            const double t0 = nowMs();
            emu->say("unplug");
            if (!run.waitFor([&] { return run.absentAt >= 0; })) {
                std::fprintf(stderr, "unplug %d: never absent\n", i);
                return 1;
            }
            unplug << run.absentAt - t0;
            QThread::msleep(1000 + 300 * i); // unplugged for a while (the helper retries meanwhile)
            {
                QMutexLocker l(&run.mutex);
                run.readyAt = -1;
            }
            const double t1 = nowMs();
            emu = std::make_unique<Emulator>(QStringList{QStringLiteral("--card"), QStringLiteral("wallet"),
                                                         QStringLiteral("--start-absent"),
                                                         QStringLiteral("--link"), link});
            if (!run.waitFor([&] { return run.readyAt >= 0; }, 10000)) {
                std::fprintf(stderr, "replug %d: never ready\n", i);
                return 1;
            }
            replug << run.readyAt - t1;
        }
    }

    if (qEnvironmentVariableIsSet("LZ_BENCH_VERBOSE")) {
        std::sort(cardToVerdict.begin(), cardToVerdict.end());
        for (double v : cardToVerdict)
            std::printf("%.1f ", v);
        std::printf("\n");
    }
    const Stats c = stats(cold), cr = stats(coldReady), p = stats(placeToVerdict), k = stats(cardToVerdict),
                u = stats(unplug), r = stats(replug);
    std::printf(
        "NFC through libnfc 1.8 pn532_uart and the emulated PN532 (instant card), %d round trips per tap\n",
        apdus);
    std::printf("cold tap, reader start -> verdict (15 runs): median %.1f ms, p95 %.1f, max %.1f  "
                "[reader open alone: median %.1f ms]   bar <= 150 ms: %s\n",
                c.median, c.p95, c.max, cr.median, meets(c.max, 150));
    std::printf("warm tap, card selected -> verdict (%d taps): median %.1f ms, p95 %.1f, max %.1f   bar <= "
                "20 ms: %s\n",
                taps, k.median, k.p95, k.max, meets(k.p95, 20));
    std::printf("warm tap, card placed -> verdict (incl. polling): median %.1f ms, p95 %.1f, max %.1f   "
                "bar <= 20 ms: %s\n",
                p.median, p.p95, p.max, meets(p.p95, 20));
    std::printf("unplug -> absent (5): median %.0f ms, max %.0f   bar <= 1000 ms: %s\n", u.median, u.max,
                meets(u.max, 1000));
    std::printf("replug -> ready (5): median %.0f ms, max %.0f   bar <= 3000 ms: %s\n", r.median, r.max,
                meets(r.max, 3000));
    const Stats pt = stats(portraitTaps);
    std::printf(
        "warm tap with a %lld-byte portrait, card selected -> verdict (10 taps): median %.1f ms, p95 %.1f "
        "(%d round trips; the portrait's %d add %.1f ms over a plain tap)\n",
        qlonglong(portraitRead), pt.median, pt.p95, portraitApdus, portraitApdus - apdus,
        pt.median - k.median);
    // Passports (issue 7): bench/passport_bench.
    return 0;
}
