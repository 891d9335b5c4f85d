// Strict CBOR decoding: trailing bytes, truncation, duplicate map keys, typed readers.
#include "codec/Cbor.h"

#include <QTest>

class TestCbor : public QObject {
    Q_OBJECT
private slots:
    void decodesOneItem() {
        const auto v = lz::cbor::decode(QByteArray::fromHex("a201020304")); // {1:2, 3:4}
        QVERIFY(v.hasValue());
        QCOMPARE(v->toMap().value(3).toInteger(), 4);
    }
    void rejectsTrailingBytes() {
        const auto v = lz::cbor::decode(QByteArray::fromHex("a2010203040a"));
        QVERIFY(!v.hasValue());
        QVERIFY(v.error().contains(QLatin1String("trailing")));
    }
    void rejectsTruncatedAndEmpty() {
        QVERIFY(!lz::cbor::decode(QByteArray::fromHex("a20102")).hasValue());
        QVERIFY(!lz::cbor::decode(QByteArray::fromHex("5820aabb")).hasValue()); // bstr(32) with 2 bytes
        QVERIFY(!lz::cbor::decode(QByteArray()).hasValue());
    }
    void rejectsInvalidUtf8() { QVERIFY(!lz::cbor::decode(QByteArray::fromHex("62c328")).hasValue()); }
    void detectsDuplicateKeys() {
        const auto v = lz::cbor::decode(QByteArray::fromHex("a201020103")); // {1:2, 1:3}
        QVERIFY(v.hasValue());
        QVERIFY(lz::cbor::hasDuplicateKeys(v->toMap()));
        QVERIFY(!lz::cbor::hasDuplicateKeys(lz::cbor::decode(QByteArray::fromHex("a201020203"))->toMap()));
    }
    void typedReaders() {
        QCOMPARE(lz::cbor::integer(QCborValue(5), 0, 10).value(), 5);
        QVERIFY(!lz::cbor::integer(QCborValue(11), 0, 10));
        QVERIFY(!lz::cbor::integer(QCborValue(QStringLiteral("5")), 0, 10));
        QVERIFY(!lz::cbor::integer(QCborValue(5.0), 0, 10)); // floats are not integers
        QVERIFY(lz::cbor::bytes(QCborValue(QByteArray(8, 'x')), 8, 8));
        QVERIFY(!lz::cbor::bytes(QCborValue(QByteArray(9, 'x')), 8, 8));
        QVERIFY(!lz::cbor::text(QCborValue(QString(65, QLatin1Char('x'))), 64));
    }
};

QTEST_APPLESS_MAIN(TestCbor)
#include "tst_cbor.moc"
