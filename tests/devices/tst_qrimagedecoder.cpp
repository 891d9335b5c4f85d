// QR decoding from real files through OpenCV: a PNG, frames of an MJPEG AVI written by the
// wallet's video writer, an image without a code, and a file that is not an image.
#include "qr/QrImageDecoder.h"
#include "qr/QrRender.h"
#include "wallet/WalletVideo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace lz;

class TestQrImageDecoder : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void pngFile() {
        const QString text = QStringLiteral("LZ1:HELLO WORLD 12345");
        const QString path = m_dir.filePath(QStringLiteral("code.png"));
        QVERIFY(cv::imwrite(path.toStdString(), renderQr(text, 4).image));
        const auto r = QrImageDecoder().decodeFile(path);
        QVERIFY(r.hasValue());
        QCOMPARE(r->text, text);
    }
    void rotatedAndBlurredColourImage() {
        const QString text = QStringLiteral("LZ1:") + QString(300, QLatin1Char('Q'));
        cv::Mat img, rotated, colour;
        cv::copyMakeBorder(renderQr(text, 4).image, img, 80, 80, 80, 80, cv::BORDER_CONSTANT,
                           cv::Scalar(255));
        const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.f, img.rows / 2.f), 17, 1.0);
        cv::warpAffine(img, rotated, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
        cv::GaussianBlur(rotated, rotated, cv::Size(3, 3), 0.8);
        cv::cvtColor(rotated, colour, cv::COLOR_GRAY2BGR);
        const auto r = QrImageDecoder().decode(colour);
        QVERIFY(r.hasValue());
        QCOMPARE(r->text, text);
    }
    void walletVideoFramesDecode() {
        wallet::VideoSpec spec;
        spec.path = m_dir.filePath(QStringLiteral("wallet.avi"));
        spec.seconds = 4;
        spec.rotateSeconds = 2;
        spec.fps = 5;
        spec.width = 640;
        spec.height = 480;
        spec.modulePixels = 3;
        auto frames = wallet::writeRotatingVideo(
            spec, [](int offset) { return QStringLiteral("LZ1:CODE AT %1").arg(offset); });
        QVERIFY(frames.hasValue());
        QCOMPARE(*frames, 20);
        cv::VideoCapture cap(spec.path.toStdString());
        QVERIFY(cap.isOpened());
        QStringList seen;
        cv::Mat frame;
        while (cap.read(frame)) {
            const auto r = QrImageDecoder().decode(frame);
            QVERIFY(r.hasValue());
            if (seen.isEmpty() || seen.last() != r->text)
                seen.append(r->text);
        }
        QCOMPARE(seen, QStringList({QStringLiteral("LZ1:CODE AT 0"), QStringLiteral("LZ1:CODE AT 2")}));
    }
    void noCodeAndNotAnImage() {
        cv::Mat blank(480, 640, CV_8UC1, cv::Scalar(200));
        cv::circle(blank, cv::Point(320, 240), 100, cv::Scalar(0), 5);
        const auto r = QrImageDecoder().decode(blank);
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().contains(QLatin1String("no QR code")));
        const QString junk = m_dir.filePath(QStringLiteral("junk.png"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a PNG");
        f.close();
        QVERIFY(QrImageDecoder().decodeFile(junk).error().contains(QLatin1String("cannot read")));
        QVERIFY(!QrImageDecoder().decodeFile(m_dir.filePath(QStringLiteral("missing.png"))).hasValue());
        QVERIFY(!QrImageDecoder().decode(cv::Mat()).hasValue());
    }
};

QTEST_APPLESS_MAIN(TestQrImageDecoder)
#include "tst_qrimagedecoder.moc"
