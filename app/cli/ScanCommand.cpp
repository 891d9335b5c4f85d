#include "Commands.h"

#include "camera/CameraSource.h"
#include "camera/ImageFolderSource.h"
#include "camera/SyntheticPhoneSource.h"
#include "camera/VideoFileSource.h"
#include "common/DemoPresenter.h"
#include "common/VerificationWorker.h"
#include "scan/ScanPipeline.h"
#include "scanner/SerialScanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <opencv2/videoio.hpp>

namespace lz::clicmd {
namespace {

double percentile(QList<double> v, double p) {
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

} // namespace

// Camera (or video, images, synthetic phone, serial 2D scanner) → decoder → verifier, each
// verdict a JSON line with its input-to-verdict latency, then a summary.
int scan(Terminal& terminal, const cli::Options& o) {
    std::unique_ptr<FrameSource> source;
    std::optional<DemoPresenter> presenter;
    if (o.has(QStringLiteral("--video"))) {
        source = std::make_unique<VideoFileSource>(
            o.value(QStringLiteral("--video")),
            VideoFileSource::Options{o.has(QStringLiteral("--paced")), false});
    } else if (o.has(QStringLiteral("--images"))) {
        source = std::make_unique<ImageFolderSource>(o.value(QStringLiteral("--images")));
    } else if (o.has(QStringLiteral("--camera"))) {
        CameraSettings settings;
        settings.device = o.value(QStringLiteral("--camera"));
        source = std::make_unique<CameraSource>(settings);
    } else if (o.has(QStringLiteral("--synthetic"))) {
        if (!terminal.demoKit())
            return cli::fail(QStringLiteral("--synthetic shows the DEMO holders; it needs --demo"));
        presenter.emplace(*terminal.demoKit(), terminal.clock());
        source = std::make_unique<SyntheticPhoneSource>([&](double t) { return presenter->textAt(t); },
                                                        demoPhoneScene(), 15, true);
    } else if (!o.has(QStringLiteral("--serial"))) {
        return cli::fail(QStringLiteral(
            "scan needs --video FILE, --images DIR, --camera SPEC, --synthetic or --serial PORT"));
    }
    const double seconds = o.value(QStringLiteral("--seconds"), QStringLiteral("0")).toDouble();

    QList<double> latencies;
    int valid = 0, rejected = 0, pending = 0;
    // A serial scanner alone has no frames: a grabber over an empty source stands in, never started.
    FrameGrabber grabber(source ? std::move(source) : std::make_unique<ImageFolderSource>(QString()));
    ScanOptions options;
    options.previewFps = 0; // no screen here
    ScanPipeline pipeline(grabber, options);
    VerificationWorker worker(terminal.verifier());
    QObject::connect(&pipeline, &ScanPipeline::payload, &worker, &VerificationWorker::verify);
    QObject::connect(
        &pipeline, &ScanPipeline::payload, qApp, [&] { ++pending; }, Qt::QueuedConnection);
    std::unique_ptr<SerialScanner> serial;
    if (o.has(QStringLiteral("--serial"))) {
        SerialScannerSettings settings;
        settings.port = o.value(QStringLiteral("--serial"));
        settings.baudRate = o.value(QStringLiteral("--baud"), QStringLiteral("9600")).toInt();
        serial = std::make_unique<SerialScanner>(settings);
        QObject::connect(serial.get(), &SerialScanner::scanned, qApp, [&](const QString& text) {
            ++pending;
            QMetaObject::invokeMethod(
                &worker, [&worker, text, at = steadyNowNs()] { worker.verify(text, at); },
                Qt::QueuedConnection);
        });
        QObject::connect(serial.get(), &SerialScanner::presenceChanged, qApp,
                         [](bool present, const QString& error) {
                             std::fprintf(stderr, "scanner %s%s%s\n", present ? "present" : "absent",
                                          error.isEmpty() ? "" : ": ", qPrintable(error));
                         });
    }
    QObject::connect(&worker, &VerificationWorker::verified, qApp,
                     [&](const VerificationResult& r, qint64 capturedNs, qint64 verdictNs) {
                         --pending;
                         const double ms = double(verdictNs - capturedNs) / 1e6;
                         latencies.append(ms);
                         (r.valid ? valid : rejected)++;
                         QJsonObject j = r.toJson();
                         j.insert(QStringLiteral("input_to_verdict_ms"), ms);
                         cli::printJson(j);
                     });
    QObject::connect(&grabber, &FrameGrabber::stateChanged, qApp, [](SourceState s, const QString& error) {
        std::fprintf(stderr, "source %s%s%s\n", qPrintable(sourceStateName(s)), error.isEmpty() ? "" : ": ",
                     qPrintable(error));
    });
    QTimer poll;
    QElapsedTimer elapsed;
    elapsed.start();
    QObject::connect(&poll, &QTimer::timeout, qApp, [&] {
        const bool timeUp = seconds > 0 && elapsed.elapsed() > seconds * 1000;
        if (((!serial && pipeline.finished()) || timeUp) && pending <= 0)
            qApp->quit();
    });
    if (serial) {
        serial->start();
    } else {
        grabber.start();
        pipeline.start();
    }
    poll.start(20);
    QCoreApplication::exec();
    pipeline.stop();
    grabber.stop();

    const ScanStats st = pipeline.stats();
    const GrabberStats gs = grabber.stats();
    QJsonObject summary{
        {QStringLiteral("source"),
         serial ? QStringLiteral("serial scanner %1").arg(o.value(QStringLiteral("--serial")))
                : grabber.description()},
        {QStringLiteral("frames_read"), gs.read},
        {QStringLiteral("frames_decoded"), st.frames},
        {QStringLiteral("frames_dropped"), gs.dropped},
        {QStringLiteral("payloads"), serial ? qint64(valid + rejected) : st.payloads},
        {QStringLiteral("repeats_suppressed"), st.repeats},
        {QStringLiteral("decode_ms_mean"), st.frames ? double(st.decodeNsTotal) / st.frames / 1e6 : 0.0},
        {QStringLiteral("valid"), valid},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("input_to_verdict_ms_p50"), percentile(latencies, 0.5)},
        {QStringLiteral("input_to_verdict_ms_p95"), percentile(latencies, 0.95)}};
    cli::printJson({{QStringLiteral("summary"), summary}});
    if (serial)
        return serial->isOpen() || valid + rejected > 0 ? cli::kExitOk : cli::kExitUsage;
    return grabber.state() == SourceState::Absent && gs.read == 0 ? cli::kExitUsage : cli::kExitOk;
}

// An MJPEG AVI of the DEMO holders taking turns at the synthetic camera (5 s each).
int demoVideo(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    const QString path = words.value(1);
    if (path.isEmpty() || !terminal.demoKit())
        return cli::fail(QStringLiteral("usage: liangzheng-cli --demo demo-video FILE [--seconds N]"));
    const double fps = 15, seconds = o.value(QStringLiteral("--seconds"), QStringLiteral("20")).toDouble();
    DemoPresenter presenter(*terminal.demoKit(), terminal.clock());
    SyntheticPhoneSource source([&](double t) { return presenter.textAt(t); }, demoPhoneScene(), fps, false,
                                qint64(seconds * fps));
    source.open();
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           cv::Size(1280, 720));
    if (!writer.isOpened())
        return cli::fail(QStringLiteral("cannot write video %1").arg(path));
    Frame f;
    qint64 frames = 0;
    while (source.read(f) == ReadStatus::Ok) {
        writer.write(f.image);
        ++frames;
    }
    cli::printJson({{QStringLiteral("video"), path},
                    {QStringLiteral("frames"), frames},
                    {QStringLiteral("demo"), true}});
    return cli::kExitOk;
}

} // namespace lz::clicmd
