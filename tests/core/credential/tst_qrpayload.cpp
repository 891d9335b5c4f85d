// The QR text layer: prefix and version, base45/zlib failures, zip bombs, and the size of a
// full credential with its presentation (it must fit a QR code of version 20 at level M).
#include "TestWorld.h"
#include "codec/Base45.h"
#include "codec/Zlib.h"

#include <QRegularExpression>
#include <QTest>

using namespace lz;
using namespace lz::test;

class TestQrPayload : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        const QByteArray cose = QByteArray::fromHex("d28443a10126a0436162634401020304");
        const QString text = qr::encode(cose);
        QVERIFY(text.startsWith(QLatin1String("LZ1:")));
        QCOMPARE(*qr::decode(text), cose);
        QCOMPARE(*qr::decode(text + QStringLiteral("\r\n")), cose); // scanner terminators
    }
    void onlyAlphanumericModeCharacters() {
        const QByteArray cose(500, '\x5a');
        static const QRegularExpression alnum(QStringLiteral("^[0-9A-Z $%*+\\-./:]*$"));
        QVERIFY(alnum.match(qr::encode(cose)).hasMatch());
    }
    void fullPresentationFitsVersion20M_data() {
        QTest::addColumn<int>("alg");
        QTest::newRow("ES256") << int(Algorithm::ES256);
        QTest::newRow("EdDSA") << int(Algorithm::EdDSA);
        QTest::newRow("SM2") << int(Algorithm::SM2);
    }
    void fullPresentationFitsVersion20M() {
        QFETCH(int, alg);
        TestWorld world;
        const PrivateKey device = PrivateKey::generate(Algorithm(alg));
        Identity id = sampleIdentity(); // full level, with a long address
        id.address = QString(60, QChar(u'街'));
        const QString text =
            TestWorld::qr(world.issue(world.credential(device, id), Algorithm(alg)), device, kNow);
        // ISO/IEC 18004 table 7: version 20 at level M holds 970 alphanumeric characters.
        qInfo("QR text length with %s keys: %lld characters", qPrintable(algorithmName(Algorithm(alg))),
              qint64(text.size()));
        QVERIFY(text.size() <= 970);
    }
    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unsupportedVersion");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no prefix") << QStringLiteral("HC1:NCFOXN") << false;
        QTest::newRow("lowercase prefix") << QStringLiteral("lz1:BB8") << false;
        QTest::newRow("prefix without colon") << QStringLiteral("LZ1BB8") << false;
        QTest::newRow("version 2") << QStringLiteral("LZ2:BB8") << true;
        QTest::newRow("version 10") << QStringLiteral("LZ10:BB8") << true;
        QTest::newRow("version not a number") << QStringLiteral("LZX:BB8") << false;
        QTest::newRow("bad base45") << QStringLiteral("LZ1:bb8") << false;
        QTest::newRow("base45 of non-zlib")
            << QString(QStringLiteral("LZ1:") + QString::fromLatin1(base45::encode("hello"))) << false;
        QTest::newRow("CJK text") << QStringLiteral("LZ1:张三") << false;
        QTest::newRow("too long for any QR")
            << QString(QStringLiteral("LZ1:") + QString(5000, QLatin1Char('0'))) << false;
        const QByteArray bomb = zlib::deflate(QByteArray(1024 * 1024, '\0'));
        QTest::newRow("zip bomb") << QString(QStringLiteral("LZ1:") +
                                             QString::fromLatin1(base45::encode(bomb)))
                                  << false;
    }
    void errors() {
        QFETCH(QString, text);
        QFETCH(bool, unsupportedVersion);
        const auto r = qr::decode(text);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().problem == qr::DecodeProblem::UnsupportedVersion, unsupportedVersion);
        QVERIFY(!r.error().detail.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestQrPayload)
#include "tst_qrpayload.moc"
