// The scanning pipeline on a real video file: a code that rotates mid-video is picked up at
// once, each payload is handed on once however many frames show it, and previews are capped.
#include "camera/VideoFileSource.h"
#include "scan/ScanPipeline.h"
#include "wallet/WalletVideo.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestScanPipeline : public QObject {
    Q_OBJECT
private slots:
    void rotatingCodeHandedOnOnceEach() {
        QTemporaryDir dir;
        wallet::VideoSpec spec;
        spec.path = dir.filePath(QStringLiteral("wallet.avi"));
        spec.seconds = 6;
        spec.rotateSeconds = 3;
        spec.fps = 10;
        spec.width = 960;
        spec.height = 720;
        spec.modulePixels = 4;
        QVERIFY(wallet::writeRotatingVideo(spec, [](int offset) {
                    return QStringLiteral("LZ1:PRESENTATION MADE AT %1 ").arg(offset).repeated(8);
                }).hasValue());

        // Paced like a live camera, so the preview cap is measured against real time.
        FrameGrabber grabber(
            std::make_unique<VideoFileSource>(spec.path, VideoFileSource::Options{true, false}));
        ScanOptions options;
        options.previewFps = 5;
        ScanPipeline pipeline(grabber, options);
        QSignalSpy payloads(&pipeline, &ScanPipeline::payload);
        QSignalSpy previews(&pipeline, &ScanPipeline::preview);
        grabber.start();
        pipeline.start();
        QTRY_COMPARE_WITH_TIMEOUT(grabber.state(), SourceState::Finished, 20000);
        pipeline.stop();
        grabber.stop();

        QCOMPARE(payloads.size(), 2);
        QVERIFY(payloads.at(0).at(0).toString().startsWith(QLatin1String("LZ1:PRESENTATION MADE AT 0 ")));
        QVERIFY(payloads.at(1).at(0).toString().startsWith(QLatin1String("LZ1:PRESENTATION MADE AT 3 ")));
        QVERIFY(payloads.at(0).at(1).toLongLong() > 0); // the capture time of its frame
        const ScanStats stats = pipeline.stats();
        QVERIFY(stats.repeats > 10); // the same codes in many frames, not re-handed
        QCOMPARE(stats.payloads, 2);
        // 6 s at <= 5 previews per second (+1 for the first).
        QVERIFY2(previews.size() <= 6 * 5 + 1, qPrintable(QString::number(previews.size())));
        QVERIFY(previews.size() >= 10);
        QCOMPARE(previews.first().at(0).value<PreviewFrame>().image.cols, options.previewWidth);
    }
};

QTEST_GUILESS_MAIN(TestScanPipeline)
#include "tst_scanpipeline.moc"
