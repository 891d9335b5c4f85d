// liangzheng: the kiosk. Full screen, one instance per user, the demo with --demo.
//   liangzheng [--demo] [--config FILE] [--camera SPEC] [--nfc CONNSTRING|demo|none]
//              [--id-card PORT|auto|demo|none] [--windowed]
//              [--state-dir DIR] [--metrics FILE] [--quit-after SECONDS]
#include "kiosk/EnrolmentGate.h"
#include "kiosk/Kiosk.h"
#include "kiosk/LatencyProbe.h"
#include "kiosk/ServiceWatchdog.h"
#include "ui/PreviewView.h"
#include "ui/ReadyScreen.h"
#include "util/StateLock.h"
#include "version/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <malloc.h>

using namespace lz;

int main(int argc, char** argv) {
    if (printVersionIfAsked(argc, argv, "liangzheng"))
        return 0;
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Camera frames and previews are large blocks freed on other threads than made them. With
    // glibc's adaptive threshold they soon come from the heap arenas and the resident size creeps
    // up although nothing leaks (bench/kiosk_bench.sh shows the heap in use flat); a fixed
    // threshold keeps such blocks in mmap, returned to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    // --help and --version answer on a machine without a display too (help2man makes the man page
    // from them at build time).
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h") ||
            !std::strcmp(argv[i], "--version"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The Wayland app id (cage, a desktop's window list) is the desktop file's name.
    QGuiApplication::setDesktopFileName(QStringLiteral("cn.liangzheng.Kiosk"));
    QApplication::setApplicationName(QStringLiteral("liangzheng"));
    QApplication::setApplicationVersion(QString::fromLatin1(lz::version()));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Liangzheng (亮证) verification kiosk"));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Demo mode: DEMO trust list and holders, simulated camera, "
                                                 "throwaway data directory, staff PIN 1234."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Configuration file."),
                                    QStringLiteral("FILE"),
                                    QStringLiteral("/etc/liangzheng/liangzheng.conf"));
    const QCommandLineOption camera(QStringLiteral("camera"),
                                    QStringLiteral("Camera: device index, /dev/videoN, or a video file."),
                                    QStringLiteral("SPEC"));
    const QCommandLineOption nfc(
        QStringLiteral("nfc"),
        QStringLiteral("NFC reader: a libnfc connstring (pn532_uart:/dev/ttyUSB0, acr122_usb, auto), "
                       "\"demo\" (an emulated reader a demo phone is laid on now and then; the default "
                       "with --demo) or \"none\"."),
        QStringLiteral("CONNSTRING"));
    const QCommandLineOption idCard(
        QStringLiteral("id-card"),
        QStringLiteral("ID-card reader: a serial port (/dev/ttyUSB0), \"auto\", \"demo\" (an emulated "
                       "reader demo cards are laid on now and then; the default with --demo) or \"none\"; "
                       "without it, the configuration's [idcard] port."),
        QStringLiteral("PORT"));
    const QCommandLineOption windowed(QStringLiteral("windowed"),
                                      QStringLiteral("A normal window, not full screen."));
    const QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QStringLiteral("Demo: keep the demo's data here instead of a throwaway directory."),
        QStringLiteral("DIR"));
    const QCommandLineOption metrics(
        QStringLiteral("metrics"),
        QStringLiteral("Benchmark: write start-up, event-loop latency and memory "
                       "figures to FILE (JSON lines)."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Quit after SECONDS (benchmarks)."),
                                       QStringLiteral("SECONDS"));
    QCommandLineOption freezeTest(
        QStringLiteral("test-freeze-on-sigusr2"),
        QStringLiteral("Tests of the systemd watchdog: SIGUSR2 freezes the UI thread."));
    freezeTest.setFlags(QCommandLineOption::HiddenFromHelp);
    cli.addOptions({demo, config, camera, nfc, idCard, windowed, stateDir, metrics, quitAfter, freezeTest});
    cli.process(app);

    // One kiosk per user session: a second start would fight over the camera and the log.
    auto instance = StateLock::acquire(QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                           .filePath(QStringLiteral("liangzheng-kiosk.lock")));
    if (!instance) {
        std::fprintf(stderr, "liangzheng: already running: %s\n", qPrintable(instance.error()));
        return 2;
    }

    KioskOptions options;
    options.demo = cli.isSet(demo);
    options.configPath = cli.value(config);
    options.camera = cli.value(camera);
    options.nfcReader = cli.isSet(nfc) ? cli.value(nfc) : options.demo ? QStringLiteral("demo") : QString();
    options.idCardReader = cli.isSet(idCard) ? cli.value(idCard)
                           : options.demo    ? QStringLiteral("demo")
                                             : QString();
    options.stateDir = cli.value(stateDir);
    if (cli.isSet(quitAfter))
        // exit(), not quit(): it also ends the not-enrolled screen's own loop (quit() acts only
        // inside exec()).
        QTimer::singleShot(int(cli.value(quitAfter).toDouble() * 1000), &app,
                           [] { QCoreApplication::exit(0); });
    // Under systemd: READY=1 once the first screen is up, then the watchdog's pings.
    ServiceWatchdog watchdog;
    if (cli.isSet(freezeTest))
        watchdog.freezeOnSigusr2();
    // A terminal installed from the package and not enrolled yet shows why and waits.
    if (!options.demo &&
        waitForEnrolment(options.configPath, cli.isSet(windowed), watchdog) == GateOutcome::Quit)
        return 0;
    auto kiosk = Kiosk::create(options);
    if (!kiosk) {
        std::fprintf(stderr, "liangzheng: %s\n", qPrintable(kiosk.error()));
        return 2;
    }
    Kiosk& k = **kiosk;
    QObject::connect(&k, &Kiosk::backendOpened, [](bool ok, const QString& error) {
        if (!ok)
            std::fprintf(stderr, "liangzheng: terminal not opened: %s\n", qPrintable(error));
    });
    ui::KioskWindow& w = k.window();
    if (cli.isSet(windowed)) {
        w.resize(1280, 800);
        w.show();
    } else {
        // Kiosk: no decorations, the whole screen; staff can leave it from staff mode.
        w.setWindowFlags(Qt::Window | Qt::FramelessWindowHint);
        // Without a window manager (a bare X server at a kiosk) full screen is just a size.
        if (QScreen* screen = QGuiApplication::primaryScreen())
            w.setGeometry(screen->geometry());
        w.showFullScreen();
    }
    watchdog.setStatus(QStringLiteral("kiosk window shown"));
    watchdog.readyAfterFirstPaint(&w);
    QObject::connect(&k, &Kiosk::leaveRequested, &w, [&w] {
        w.setWindowFlags(Qt::Window);
        w.showNormal();
    });

    // Benchmark figures, no personal data: time to the first camera frame on screen, the UI
    // thread's event-loop lateness, resident memory.
    std::unique_ptr<QFile> metricsFile;
    std::unique_ptr<LatencyProbe> probe;
    if (cli.isSet(metrics)) {
        metricsFile = std::make_unique<QFile>(cli.value(metrics));
        if (!metricsFile->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "liangzheng: cannot write %s\n", qPrintable(cli.value(metrics)));
            return 2;
        }
        probe = std::make_unique<LatencyProbe>();
        auto write = [f = metricsFile.get()](const QJsonObject& o) {
            f->write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
            f->flush();
        };
        auto* firstFrame = new QTimer(&w);
        firstFrame->setInterval(2);
        QObject::connect(firstFrame, &QTimer::timeout, [&, firstFrame, write] {
            if (w.ready()->preview()->framesShown() == 0)
                return;
            // The frame was handed to the view; wait for the paint that puts it on screen.
            QApplication::processEvents();
            write({{QStringLiteral("first_frame_ms"), double(sinceStart.nsecsElapsed()) / 1e6}});
            firstFrame->stop();
            probe->take(); // from here on: the running kiosk, not its start-up
        });
        firstFrame->start();
        auto* every = new QTimer(&w);
        every->setInterval(5000);
        QObject::connect(every, &QTimer::timeout, [&, write] {
            const LatencyWindow lw = probe->take();
            write({{QStringLiteral("t_s"), double(sinceStart.elapsed()) / 1000},
                   {QStringLiteral("max_lag_ms"), lw.maxLagMs},
                   {QStringLiteral("ticks"), lw.ticks},
                   {QStringLiteral("over16"), lw.over16},
                   {QStringLiteral("late_at_s"), QJsonArray::fromVariantList([&] {
                        QVariantList l;
                        for (double t : lw.lateAtS)
                            l.append(t);
                        return l;
                    }())},
                   {QStringLiteral("rss_kb"), residentKb()},
                   {QStringLiteral("heap_kb"), heapInUseKb()},
                   {QStringLiteral("frames_shown"), w.ready()->preview()->framesShown()}});
        });
        every->start();
    }
    return app.exec();
}
