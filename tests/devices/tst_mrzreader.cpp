// The MRZ reader on frames drawn by PassportPageRenderer (OCR-B from the pinned font, the camera's
// view and its faults), also through image files read back by OpenCV.
#include "camera/PassportPageRenderer.h"
#include "camera/PhoneScreenRenderer.h"
#include "mrz/MrzReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace lz;
using namespace lz::mrz;

namespace {
std::shared_ptr<OcrbFont> font() {
    static std::shared_ptr<OcrbFont> f = [] {
        auto loaded = OcrbFont::load();
        return loaded ? *loaded : nullptr;
    }();
    return f;
}
const QString kSpecimen = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C<3UTO6908061F9406236ZE184226B<<<<<14");
} // namespace

class TestMrzReader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(font(), "OCR-B (fonts-ocr-b) must load: run scripts/bootstrap"); }

    void readsACleanPage() {
        MrzReader reader(font());
        PassportScene scene;
        scene.pitchPx = 12;
        const MrzFrameResult r = reader.read(renderPassportFrame(*font(), kSpecimen, scene));
        QVERIFY2(r.reading,
                 qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(mrzHintName(r.hint)), r.error)));
        QCOMPARE(r.reading->text, kSpecimen);
        QCOMPARE(r.hint, MrzHint::Read);
        QVERIFY(!r.reading->keyOnly);
        QCOMPARE(r.region.size(), size_t(4));
    }

    void readsCardsTurnedPagesAndFilesFromDisk_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("rotation");
        QTest::addColumn<double>("pitch");
        QTest::addColumn<QString>("file"); // written and read back by OpenCV ("" = in memory)
        QTest::newRow("TD3 level") << int(icao::Mrz::Format::TD3) << 0.0 << 10.0 << QString();
        QTest::newRow("TD3 turned 15 degrees") << int(icao::Mrz::Format::TD3) << 15.0 << 11.0 << QString();
        QTest::newRow("TD3 upside down") << int(icao::Mrz::Format::TD3) << 182.0 << 11.0 << QString();
        QTest::newRow("TD1 card back") << int(icao::Mrz::Format::TD1) << -4.0 << 12.0 << QString();
        QTest::newRow("TD3 as JPEG file")
            << int(icao::Mrz::Format::TD3) << 3.0 << 10.0 << QStringLiteral("page.jpg");
        QTest::newRow("TD3 as PNG file, 1080p")
            << int(icao::Mrz::Format::TD3) << -2.0 << 15.0 << QStringLiteral("page.png");
    }
    void readsCardsTurnedPagesAndFilesFromDisk() {
        QFETCH(int, format);
        QFETCH(double, rotation);
        QFETCH(double, pitch);
        QFETCH(QString, file);
        MrzReader reader(font());
        for (unsigned seed = 1; seed <= 3; ++seed) {
            std::mt19937 rng(seed);
            const QString truth = randomMrz(rng, icao::Mrz::Format(format));
            QVERIFY(icao::parseMrz(truth));
            PassportScene scene;
            scene.pitchPx = pitch;
            scene.rotationDeg = rotation;
            scene.seed = seed;
            const cv::Size size = pitch > 14 ? cv::Size(1920, 1080) : cv::Size(1280, 720);
            cv::Mat frame = renderPassportFrame(*font(), truth, scene, size);
            if (!file.isEmpty()) {
                QTemporaryDir dir;
                const std::string path = dir.filePath(file).toStdString();
                QVERIFY(cv::imwrite(path, frame));
                frame = cv::imread(path, cv::IMREAD_COLOR);
                QVERIFY(!frame.empty());
            }
            const MrzFrameResult r = reader.read(frame);
            QVERIFY2(r.reading, qPrintable(QStringLiteral("seed %1: %2 %3")
                                               .arg(seed)
                                               .arg(QLatin1String(mrzHintName(r.hint)), r.error)));
            const auto expected = icao::parseMrz(truth);
            QCOMPARE(r.reading->mrz.key.documentNumber, expected->key.documentNumber);
            QCOMPARE(r.reading->mrz.key.birthDate, expected->key.birthDate);
            QCOMPARE(r.reading->mrz.key.expiryDate, expected->key.expiryDate);
        }
    }

    void framesWithoutAnMrzGiveNoReading() {
        MrzReader reader(font());
        for (unsigned seed = 1; seed <= 4; ++seed) {
            PassportScene scene;
            scene.seed = seed;
            const MrzFrameResult page = reader.read(renderPassportFrame(*font(), {}, scene));
            QVERIFY(!page.reading);
            QVERIFY(page.hint != MrzHint::Read);
            PhoneScene phone;
            phone.seed = seed;
            const MrzFrameResult qr =
                reader.read(renderPhoneFrame(QStringLiteral("P<UTO NOT AN MRZ"), phone));
            QVERIFY(!qr.reading);
        }
        QVERIFY(!reader.read(cv::Mat()).reading);
        QCOMPARE(reader.read(cv::Mat(720, 1280, CV_8UC3, cv::Scalar::all(255))).hint, MrzHint::NoMrz);
        QVERIFY(!reader.read(cv::Mat(3, 3, CV_8UC1, cv::Scalar(0))).reading);
    }

    void anyFrameLeavesTheReaderStanding() {
        // Regression: a frame whose blobs made a strip outside the image could throw from OpenCV
        // on the kiosk's MRZ thread. Random phones, noise, stripes and text-like bars: no
        // reading, no exception.
        MrzReader reader(font());
        for (unsigned seed = 1; seed <= 40; ++seed) {
            std::mt19937 rng(seed);
            PhoneScene phone;
            phone.seed = seed;
            phone.modulePx = 2 + double(rng() % 8);
            phone.rotationDeg = double(rng() % 90);
            QVERIFY(!reader.read(renderPhoneFrame(QStringLiteral("LZ%1").arg(rng()), phone)).reading);
            cv::Mat noise(int(8 + rng() % 800), int(8 + rng() % 1400), CV_8UC1);
            cv::randu(noise, 0, 256);
            for (int bar = 0; bar < 6; ++bar)
                cv::rectangle(noise,
                              cv::Rect(int(rng() % unsigned(noise.cols)), int(rng() % unsigned(noise.rows)),
                                       int(rng() % 900), int(2 + rng() % 12)),
                              cv::Scalar(int(rng() % 2) * 255), cv::FILLED);
            QVERIFY(!reader.read(noise).reading);
        }
    }

    void aPageTooFarAwayIsSaidToBeSmall() {
        MrzReader reader(font());
        std::mt19937 rng(9);
        PassportScene scene;
        scene.pitchPx = 3.5; // the page 17 cm wide at 1280 px: characters 4 px tall
        const MrzFrameResult r =
            reader.read(renderPassportFrame(*font(), randomMrz(rng, icao::Mrz::Format::TD3), scene));
        QVERIFY(!r.reading);
        QVERIFY2(r.hint == MrzHint::TooSmall || r.hint == MrzHint::NoMrz, mrzHintName(r.hint));
    }

    void theFontIsPinned() {
        QTemporaryDir dir;
        auto missing = OcrbFont::load(dir.filePath(QStringLiteral("none.otf")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().error, FontError::Missing);
        QFile original(OcrbFont::defaultPath());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 1);
        QFile altered(dir.filePath(QStringLiteral("OCRB.otf")));
        QVERIFY(altered.open(QIODevice::WriteOnly));
        altered.write(bytes);
        altered.close();
        auto changed = OcrbFont::load(altered.fileName());
        QVERIFY(!changed);
        QCOMPARE(changed.error().error, FontError::Altered);
        QCOMPARE(QLatin1String(fontErrorName(changed.error().error)), QLatin1String("font_altered"));
        // Every MRZ character has a glyph, on the ICAO pitch's advance.
        QVERIFY(std::abs(font()->advanceEm() - 0.725) < 0.01);
        for (const char* c = kMrzAlphabet; *c; ++c)
            QVERIFY(!font()->render(*c, 40).coverage.empty());
        QVERIFY(font()->render('a', 40).coverage.empty());
    }
};

QTEST_GUILESS_MAIN(TestMrzReader)
#include "tst_mrzreader.moc"
