#include "passport/DemoPassport.h"

namespace lz::passport {

namespace {
QByteArray length(qsizetype n) {
    if (n < 0x80)
        return QByteArray(1, char(n));
    if (n < 0x100)
        return QByteArray(1, char(0x81)) + char(n);
    return QByteArray(1, char(0x82)) + char(n >> 8) + char(n & 0xFF);
}

QByteArray object(const QByteArray& tag, const QByteArray& value) {
    return tag + length(value.size()) + value;
}

QByteArray filler(qsizetype n, int seed) {
    QByteArray b(n, '\0');
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(seed + i * 7);
    return b;
}
} // namespace

QMap<quint16, QByteArray> demoPassportFiles(const QByteArray& mrz, int dg2Bytes) {
    QMap<quint16, QByteArray> f;
    f.insert(icao::kEfCom, QByteArray::fromHex("60145F0104303130365F36063034303030305C026175"));
    f.insert(icao::kEfDg1, object(QByteArray::fromHex("61"), object(QByteArray::fromHex("5F1F"), mrz)));
    f.insert(icao::kEfDg2, object(QByteArray::fromHex("75"), filler(qMax(16, dg2Bytes - 4), 3)));
    f.insert(icao::kEfSod, object(QByteArray::fromHex("77"), filler(1500, 11)));
    return f;
}

} // namespace lz::passport
