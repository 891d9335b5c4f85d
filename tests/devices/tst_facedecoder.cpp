// DG2 faces decoded for the screen through OpenCV: the demo face as JPEG and as JPEG 2000 (both
// real files, wrapped in a real DG2 by the issuing side), and the named problems for an unknown
// format and for bytes that claim to be JPEG but are not.
#include "demo/DemoKit.h"
#include "icao/Dg2.h"
#include "passport/PassportIssuer.h"
#include "photo/FaceDecoder.h"

#include <QTest>

using namespace lz;

class TestFaceDecoder : public QObject {
    Q_OBJECT
private slots:
    void jpegAndJpeg2000() {
        for (bool jp2 : {false, true}) {
            const QByteArray image = demo::DemoKit::facePhoto(jp2);
            QVERIFY(!image.isEmpty());
            const auto face = icao::parseDg2(passport::dg2(image, jp2, jp2 ? 240 : 420, jp2 ? 308 : 540));
            QVERIFY(face.hasValue());
            QCOMPARE(face->format, jp2 ? icao::FaceImage::Format::Jpeg2000 : icao::FaceImage::Format::Jpeg);
            const auto decoded = photo::decodeFace(*face);
            QVERIFY2(decoded.problem.isEmpty(), qPrintable(decoded.problem));
            QCOMPARE(decoded.image.size(), jp2 ? QSize(240, 308) : QSize(420, 540));
            // The drawn face's skin colour is there (not a black or garbage image).
            const QColor skin = jp2 ? decoded.image.pixelColor(86, 171) : decoded.image.pixelColor(150, 300);
            QVERIFY2(skin.red() > 180 && skin.green() > 140 && skin.blue() < 190, qPrintable(skin.name()));
        }
    }
    void problemsAreNamed() {
        icao::FaceImage unknown;
        unknown.data = QByteArray(100, 'x');
        QCOMPARE(photo::decodeFace(unknown).problem, QStringLiteral("photo_format_unsupported"));
        QVERIFY(photo::decodeFace(unknown).image.isNull());
        icao::FaceImage broken;
        broken.format = icao::FaceImage::Format::Jpeg;
        broken.data = QByteArray::fromHex("ffd8ffe000104a464946") + QByteArray(200, '\x11');
        QCOMPARE(photo::decodeFace(broken).problem, QStringLiteral("photo_undecodable"));
        icao::FaceImage truncatedJp2;
        truncatedJp2.format = icao::FaceImage::Format::Jpeg2000;
        truncatedJp2.data = demo::DemoKit::facePhoto(true).left(60);
        QCOMPARE(photo::decodeFace(truncatedJp2).problem, QStringLiteral("photo_undecodable"));
    }
};

QTEST_GUILESS_MAIN(TestFaceDecoder)
#include "tst_facedecoder.moc"
