// Frame sources through the real OpenCV: an MJPEG AVI written here by OpenCV's VideoWriter, a
// folder of PNGs, and a camera that is not there.
#include "camera/CameraSource.h"
#include "camera/ImageFolderSource.h"
#include "camera/VideoFileSource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace lz;

class TestFrameSources : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_video;

private slots:
    void initTestCase() {
        m_video = m_dir.filePath(QStringLiteral("clip.avi"));
        cv::VideoWriter w(m_video.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10,
                          cv::Size(320, 240));
        QVERIFY(w.isOpened());
        for (int i = 0; i < 12; ++i) {
            cv::Mat f(240, 320, CV_8UC3, cv::Scalar(i * 20, 100, 200 - i * 10));
            cv::putText(f, std::to_string(i), cv::Point(100, 150), cv::FONT_HERSHEY_SIMPLEX, 3,
                        cv::Scalar(255, 255, 255), 5);
            w.write(f);
        }
    }
    void videoFileFramesThenEnd() {
        VideoFileSource src(m_video);
        QVERIFY(src.open().hasValue());
        QCOMPARE(src.fps(), 10.0);
        Frame f;
        int n = 0;
        while (src.read(f) == ReadStatus::Ok) {
            QCOMPARE(f.sequence, n);
            QCOMPARE(f.image.cols, 320);
            QVERIFY(f.capturedNs > 0);
            ++n;
        }
        QCOMPARE(n, 12);
        QCOMPARE(src.read(f), ReadStatus::EndOfStream);
    }
    void videoFileLoops() {
        VideoFileSource src(m_video, {false, true});
        QVERIFY(src.open().hasValue());
        Frame f;
        for (int i = 0; i < 30; ++i)
            QCOMPARE(src.read(f), ReadStatus::Ok);
        QCOMPARE(f.sequence, 29);
    }
    void missingOrBrokenVideo() {
        VideoFileSource missing(m_dir.filePath(QStringLiteral("nope.avi")));
        const auto r = missing.open();
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().contains(QLatin1String("does not exist")));
        const QString junk = m_dir.filePath(QStringLiteral("junk.avi"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(QByteArray(4096, 'x'));
        j.close();
        VideoFileSource broken(junk);
        QVERIFY(!broken.open().hasValue());
    }
    void imageFolder() {
        const QString dir = m_dir.filePath(QStringLiteral("frames"));
        QVERIFY(QDir().mkpath(dir));
        for (int i = 0; i < 3; ++i)
            QVERIFY(cv::imwrite(QStringLiteral("%1/f%2.png").arg(dir).arg(i).toStdString(),
                                cv::Mat(50, 60, CV_8UC3, cv::Scalar(i * 50, 0, 0))));
        QFile bad(dir + QStringLiteral("/f3.png"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a png");
        bad.close();
        ImageFolderSource src(dir);
        QVERIFY(src.open().hasValue());
        Frame f;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(src.read(f), ReadStatus::Ok);
            QCOMPARE(f.image.at<cv::Vec3b>(0, 0)[0], uchar(i * 50));
        }
        QCOMPARE(src.read(f), ReadStatus::Failed); // the broken file: a named error...
        QVERIFY(src.error().contains(QLatin1String("f3.png")));
        QCOMPARE(src.read(f), ReadStatus::EndOfStream); // ...and the source goes on
        QVERIFY(!ImageFolderSource(m_dir.filePath(QStringLiteral("empty-nonexistent"))).open().hasValue());
    }
    void absentCamera() {
        CameraSettings settings;
        settings.device = QStringLiteral("/dev/video-liangzheng-none");
        CameraSource cam(settings);
        const auto r = cam.open();
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().contains(QLatin1String("not present")));
        Frame f;
        QCOMPARE(cam.read(f), ReadStatus::Failed);
        const auto cameras = CameraSource::list(); // whatever is present; must not throw
        for (const auto& c : cameras)
            QVERIFY(c.path.startsWith(QLatin1String("/dev/video")));
    }
};

QTEST_GUILESS_MAIN(TestFrameSources)
#include "tst_framesources.moc"
