// Base45 against the published test vectors of RFC 9285 (sections 4.3 and 4.4), plus the
// invalid inputs the RFC names.
#include "codec/Base45.h"

#include <QTest>

class TestBase45 : public QObject {
    Q_OBJECT
private slots:
    void rfcVectors_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("encoded");
        // RFC 9285 section 4.3 (encoding examples) and 4.4 (decoding example).
        QTest::newRow("AB") << QByteArray("AB") << QByteArray("BB8");
        QTest::newRow("Hello!!") << QByteArray("Hello!!") << QByteArray("%69 VD92EX0");
        QTest::newRow("base-45") << QByteArray("base-45") << QByteArray("UJCLQE7W581");
        QTest::newRow("ietf!") << QByteArray("ietf!") << QByteArray("QED8WEX0");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void rfcVectors() {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, encoded);
        QCOMPARE(lz::base45::encode(raw), encoded);
        const auto decoded = lz::base45::decode(encoded);
        QVERIFY(decoded.hasValue());
        QCOMPARE(*decoded, raw);
    }
    void roundTripAllBytes() {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        for (int len = 0; len < 40; ++len) {
            const QByteArray part = all.mid(200, len) + all.left(len);
            QCOMPARE(*lz::base45::decode(lz::base45::encode(part)), part);
        }
        QCOMPARE(*lz::base45::decode(lz::base45::encode(all)), all);
    }
    void rejectsInvalid_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("lowercase") << QByteArray("bb8");
        QTest::newRow("outside alphabet") << QByteArray("BB#");
        QTest::newRow("dangling char") << QByteArray("BB8A");
        QTest::newRow("triple over 0xFFFF (RFC 9285 4.2: GGW)") << QByteArray("GGW");
        QTest::newRow("pair over 0xFF") << QByteArray("::");
        QTest::newRow("NUL inside") << QByteArray("BB\0", 3);
    }
    void rejectsInvalid() {
        QFETCH(QByteArray, text);
        const auto decoded = lz::base45::decode(text);
        QVERIFY(!decoded.hasValue());
        QVERIFY(decoded.error().startsWith(QLatin1String("base45:")));
    }
};

QTEST_APPLESS_MAIN(TestBase45)
#include "tst_base45.moc"
