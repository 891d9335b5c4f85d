#include "codec/Cbor.h"

#include <QCborStreamReader>
#include <QSet>

namespace lz::cbor {

Expected<QCborValue> decode(const QByteArray& bytes) {
    if (bytes.isEmpty())
        return unexpected(QStringLiteral("cbor: empty input"));
    QCborStreamReader reader(bytes);
    QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return unexpected(QStringLiteral("cbor: %1").arg(reader.lastError().toString()));
    if (reader.currentOffset() != bytes.size())
        return unexpected(
            QStringLiteral("cbor: %1 trailing bytes").arg(bytes.size() - reader.currentOffset()));
    return value;
}

bool hasDuplicateKeys(const QCborMap& map) {
    if (map.size() < 2)
        return false;
    if (map.size() <= 16) { // claims and headers: pairwise is cheaper than hashing encodings
        for (auto a = map.cbegin(); a != map.cend(); ++a)
            for (auto b = a + 1; b != map.cend(); ++b)
                if (a.key() == b.key())
                    return true;
        return false;
    }
    QSet<QByteArray> seen;
    seen.reserve(map.size());
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QByteArray key = it.key().toCbor();
        if (seen.contains(key))
            return true;
        seen.insert(key);
    }
    return false;
}

std::optional<qint64> integer(const QCborValue& v, qint64 min, qint64 max) {
    if (!v.isInteger())
        return std::nullopt;
    const qint64 n = v.toInteger();
    if (n < min || n > max)
        return std::nullopt;
    return n;
}

std::optional<QByteArray> bytes(const QCborValue& v, qsizetype minSize, qsizetype maxSize) {
    if (!v.isByteArray())
        return std::nullopt;
    QByteArray b = v.toByteArray();
    if (b.size() < minSize || b.size() > maxSize)
        return std::nullopt;
    return b;
}

std::optional<QString> text(const QCborValue& v, qsizetype maxSize) {
    if (!v.isString())
        return std::nullopt;
    QString s = v.toString();
    if (s.size() > maxSize)
        return std::nullopt;
    return s;
}

namespace {
qsizetype headSize(quint64 length) {
    return length < 24 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFFFFFFFFu ? 5 : 9;
}
} // namespace

QByteArray head(quint8 majorType, quint64 length) {
    QByteArray h;
    const quint8 mt = quint8(majorType << 5);
    const qsizetype n = headSize(length);
    if (n == 1) {
        h.append(char(mt | length));
        return h;
    }
    h.append(char(mt | (n == 2 ? 24 : n == 3 ? 25 : n == 5 ? 26 : 27)));
    for (qsizetype i = n - 2; i >= 0; --i)
        h.append(char((length >> (8 * i)) & 0xFF));
    return h;
}

std::optional<QByteArrayView> byteStringView(QCborStreamReader& reader, const QByteArray& input) {
    if (!reader.isByteArray() || !reader.isLengthKnown())
        return std::nullopt;
    const quint64 length = reader.length();
    const qint64 at = reader.currentOffset();
    if (at < 0 || at >= input.size())
        return std::nullopt;
    // The head's size comes from its first byte's additional information (RFC 8949 3.1).
    const int info = quint8(input[at]) & 0x1F;
    const qint64 start = at + (info < 24 ? 1 : info == 24 ? 2 : info == 25 ? 3 : info == 26 ? 5 : 9);
    if (start > input.size() || quint64(input.size() - start) < length)
        return std::nullopt;
    const QByteArrayView view(input.constData() + start, qsizetype(length));
    if (!reader.next())
        return std::nullopt;
    return view;
}

} // namespace lz::cbor
