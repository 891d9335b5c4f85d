// The wallet's QR rendering: error correction level M, the version it reports, and the
// alphanumeric capacity boundary of version 20-M (ISO/IEC 18004 table 7: 970 characters).
#include "qr/QrImageDecoder.h"
#include "qr/QrRender.h"

#include <QTest>

using namespace lz;

class TestQrRender : public QObject {
    Q_OBJECT
private slots:
    void levelMAndRoundTrip() {
        const QString text = QStringLiteral("LZ1:") + QString(400, QLatin1Char('A'));
        const QrSymbol s = renderQr(text, 3);
        QCOMPARE(s.modules, 17 + 4 * s.version);
        const auto r = QrImageDecoder().decode(s.image);
        QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error()));
        QCOMPARE(r->text, text);
        QCOMPARE(r->ecLevel, QStringLiteral("M"));
    }
    void version20Boundary() {
        QCOMPARE(renderQr(QString(970, QLatin1Char('7')).replace(0, 1, QLatin1Char('Z')), 1).version, 20);
        QCOMPARE(renderQr(QString(971, QLatin1Char('7')).replace(0, 1, QLatin1Char('Z')), 1).version, 21);
    }
};

QTEST_APPLESS_MAIN(TestQrRender)
#include "tst_qrrender.moc"
