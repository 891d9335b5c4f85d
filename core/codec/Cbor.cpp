#include "codec/Cbor.h"

#include <QCborStreamReader>
#include <QSet>

namespace lz::cbor {

Expected<QCborValue> decode(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return unexpected(QStringLiteral("cbor: empty input"));
    QCborStreamReader reader(bytes);
    QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return unexpected(QStringLiteral("cbor: %1").arg(reader.lastError().toString()));
    if (reader.currentOffset() != bytes.size())
        return unexpected(QStringLiteral("cbor: %1 trailing bytes").arg(bytes.size() - reader.currentOffset()));
    return value;
}

bool hasDuplicateKeys(const QCborMap& map)
{
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

std::optional<qint64> integer(const QCborValue& v, qint64 min, qint64 max)
{
    if (!v.isInteger())
        return std::nullopt;
    const qint64 n = v.toInteger();
    if (n < min || n > max)
        return std::nullopt;
    return n;
}

std::optional<QByteArray> bytes(const QCborValue& v, qsizetype minSize, qsizetype maxSize)
{
    if (!v.isByteArray())
        return std::nullopt;
    QByteArray b = v.toByteArray();
    if (b.size() < minSize || b.size() > maxSize)
        return std::nullopt;
    return b;
}

std::optional<QString> text(const QCborValue& v, qsizetype maxSize)
{
    if (!v.isString())
        return std::nullopt;
    QString s = v.toString();
    if (s.size() > maxSize)
        return std::nullopt;
    return s;
}

} // namespace lz::cbor
