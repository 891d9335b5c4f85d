// The ID card's photo through lz-wlt-decode and a decoder library loaded at run time (the test
// stand-in for a vendor's libwlt2bmp.so): both call signatures, and every way a vendor library
// can fail (missing, wrong function, refusing, crashing, hanging) as a named error.
#include "CardFiles.h"
#include "idcard/WltDecoder.h"

#include <QTest>

using namespace lz;
using namespace lz::idcard;

namespace {
WltDecoderConfig config(const QString& function, const QString& signature) {
    WltDecoderConfig c;
    c.library = qEnvironmentVariable("LZ_WLT_TEST_DECODER");
    c.function = function;
    c.signature = signature;
    c.helperPath = qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-wlt-decode");
    c.timeoutMs = 1500;
    return c;
}
} // namespace

class TestWltDecoder : public QObject {
    Q_OBJECT
private slots:
    void bothSignaturesDecodeThePlaceholder() {
        for (const auto& [function, signature] :
             {std::pair{"lz_test_wlt2bmp", "bmp_buffer"}, std::pair{"lz_test_wlt2bgr", "raw_bgr"}}) {
            WltDecoder d(config(QLatin1String(function), QLatin1String(signature)));
            auto image = d.decode(samemu::placeholderPhoto(2));
            QVERIFY2(image,
                     qPrintable(image ? QString() : wltErrorName(image.error().code) + image.error().detail));
            QCOMPARE(image->size(), QSize(102, 126));
            // Seed 2: B 80, G 195, R 120, everywhere.
            QCOMPARE(image->pixel(0, 0), qRgb(120, 195, 80));
            QCOMPARE(image->pixel(101, 125), qRgb(120, 195, 80));
        }
    }
    void everyFailureIsNamed() {
        const auto code = [](WltDecoderConfig c, const QByteArray& photo) {
            auto r = WltDecoder(std::move(c)).decode(photo);
            return r ? std::optional<WltError>() : r.error().code;
        };
        WltDecoderConfig none = config("lz_test_wlt2bmp", "bmp_buffer");
        none.library.clear();
        QCOMPARE(code(none, samemu::placeholderPhoto(1)), WltError::NotConfigured);
        WltDecoderConfig missing = config("lz_test_wlt2bmp", "bmp_buffer");
        missing.library = QStringLiteral("/nonexistent/libwlt2bmp.so");
        QCOMPARE(code(missing, samemu::placeholderPhoto(1)), WltError::LibraryMissing);
        QCOMPARE(code(config("wlt2bmpBuffer", "bmp_buffer"), samemu::placeholderPhoto(1)),
                 WltError::FunctionMissing);
        QCOMPARE(code(config("lz_test_wlt2bmp", "bmp_buffer"), QByteArray(1024, 'x')), WltError::Refused);
        QCOMPARE(code(config("lz_test_wlt2bmp", "bmp_buffer"), samemu::placeholderPhoto(0xEE)),
                 WltError::Crashed);
        QCOMPARE(code(config("lz_test_wlt2bgr", "raw_bgr"), samemu::placeholderPhoto(0xEF)),
                 WltError::TimedOut);
        QCOMPARE(code(config("lz_test_wlt2bmp", "bmp_buffer"), QByteArray(100, 'x')), WltError::Refused);
    }
};

QTEST_GUILESS_MAIN(TestWltDecoder)
#include "tst_wltdecoder.moc"
