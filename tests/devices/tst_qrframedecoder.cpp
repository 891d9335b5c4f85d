// QrFrameDecoder on rendered phone frames: each condition class decodes to the exact text, frames
// without a code decode to nothing, and the guest's hints follow what the frame shows.
#include "camera/PhoneScreenRenderer.h"
#include "qr/QrFrameDecoder.h"
#include "qr/QrRender.h"

#include <opencv2/imgproc.hpp>

#include <QTest>

using namespace lz;

Q_DECLARE_METATYPE(lz::PhoneScene)

namespace {
QString codeText(int length, unsigned seed) {
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    QString t = QStringLiteral("LZ1:");
    for (unsigned i = 0; t.size() < length; ++i)
        t += QLatin1Char(alphabet[(seed * 2654435761u + i * 40503u) % 45]);
    return t;
}
} // namespace

class TestQrFrameDecoder : public QObject {
    Q_OBJECT
private slots:
    void decodesEachCondition_data() {
        QTest::addColumn<PhoneScene>("scene");
        PhoneScene s;
        s.modulePx = 5;
        QTest::newRow("clean") << s;
        PhoneScene r = s;
        r.rotationDeg = 27;
        QTest::newRow("rotated 27 degrees") << r;
        PhoneScene p = s;
        p.tiltX = 0.25;
        p.tiltY = -0.2;
        QTest::newRow("perspective") << p;
        PhoneScene b = s;
        b.blurSigma = 1.5;
        QTest::newRow("blur 1.5") << b;
        PhoneScene n = s;
        n.noiseSigma = 12;
        QTest::newRow("noise 12") << n;
        PhoneScene i = s;
        i.inverted = true;
        QTest::newRow("inverted (dark mode)") << i;
        PhoneScene l = s;
        l.brightness = 0.4;
        QTest::newRow("low light") << l;
        PhoneScene m = s;
        m.moire = true;
        QTest::newRow("moire") << m;
        PhoneScene small = s;
        small.modulePx = 3.0;
        QTest::newRow("3 px per module") << small;
    }
    void decodesEachCondition() {
        QFETCH(PhoneScene, scene);
        const QString text = codeText(600, 7); // version 15-16 at level M
        QrFrameDecoder d;
        const FrameDecodeResult r = d.decode(renderPhoneFrame(text, scene));
        QVERIFY2(r.text.has_value(), qPrintable(scanHintName(r.hint)));
        QCOMPARE(*r.text, text);
        QCOMPARE(r.hint, ScanHint::None);
        QVERIFY(r.region.area() > 0);
    }
    void nothingWithoutACode() {
        QrFrameDecoder d;
        for (unsigned seed = 1; seed <= 20; ++seed) {
            PhoneScene s;
            s.seed = seed;
            s.modulePx = 3 + seed % 5;
            s.moire = seed % 3 == 0;
            s.inverted = seed % 4 == 0;
            s.glareSpots = int(seed % 2);
            const FrameDecodeResult r = d.decode(renderPhoneFrame(QString(), s));
            QVERIFY2(!r.text.has_value(), qPrintable(QStringLiteral("seed %1").arg(seed)));
        }
    }
    void followsTheCodeBetweenFrames() {
        const QString text = codeText(500, 3);
        QrFrameDecoder d;
        PhoneScene s;
        s.modulePx = 5;
        QCOMPARE(QString::fromLatin1(d.decode(renderPhoneFrame(text, s)).strategy), QStringLiteral("full"));
        s.centerX += 0.02; // the hand moves a little
        const FrameDecodeResult r = d.decode(renderPhoneFrame(text, s));
        QCOMPARE(*r.text, text);
        QCOMPARE(QString::fromLatin1(r.strategy), QStringLiteral("roi"));
        QCOMPARE(r.attempts, 1);
    }
    void hints() {
        QrFrameDecoder d;
        cv::Mat desk(720, 1280, CV_8UC3, cv::Scalar(120, 130, 140));
        QCOMPARE(d.decode(desk).hint, ScanHint::NoCode);
        // A code far away: 1 px per module on a grey desk, as blurred as a camera sees it.
        cv::Mat far(720, 1280, CV_8UC1, cv::Scalar(128));
        cv::Mat code;
        code = renderQr(codeText(600, 5), 1, 2).image;
        code.copyTo(far(cv::Rect(600, 300, code.cols, code.rows)));
        cv::GaussianBlur(far, far, cv::Size(0, 0), 1.2); // a camera resolves no 1-px modules
        const FrameDecodeResult small = d.decode(far);
        QVERIFY(!small.text);
        QCOMPARE(small.hint, ScanHint::TooSmall);
        PhoneScene soft;
        soft.modulePx = 5;
        soft.blurSigma = 4.2;
        const FrameDecodeResult blurred = d.decode(renderPhoneFrame(codeText(600, 5), soft));
        QVERIFY(!blurred.text);
        QCOMPARE(blurred.hint, ScanHint::Blurred);
        PhoneScene glare;
        glare.modulePx = 5;
        glare.glareSpots = 2;
        glare.glareStrength = 2.5; // washed out far beyond what the decoder can read through
        glare.seed = 4;
        const FrameDecodeResult shiny = d.decode(renderPhoneFrame(codeText(600, 5), glare));
        if (!shiny.text)
            QCOMPARE(shiny.hint, ScanHint::Glare);
        QVERIFY(d.decode(cv::Mat()).text == std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestQrFrameDecoder)
#include "tst_qrframedecoder.moc"
