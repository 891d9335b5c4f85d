// The MRZ reader on frames drawn by PassportPageRenderer (OCR-B from the pinned font, the camera's
// view and its faults), also through image files read back by OpenCV.
#include "camera/PassportPageRenderer.h"
#include "camera/PhoneScreenRenderer.h"
#include "mrz/MrzReader.h"

#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

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
        QVERIFY2(r.reading, qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(mrzHintName(r.hint)), r.error)));
        QCOMPARE(r.reading->text, kSpecimen);
        QCOMPARE(r.hint, MrzHint::Read);
    }
};

QTEST_GUILESS_MAIN(TestMrzReader)
#include "tst_mrzreader.moc"
