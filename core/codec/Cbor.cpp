#include "codec/Cbor.h"

#include <QCborStreamReader>
#include <QSet>
#include <QUtf8StringView>

#include <limits>

namespace lz::cbor {

namespace {

// A hand-written walk over the heads: Qt's QCborStreamReader hides how a head was encoded, so
// it cannot tell a preferred from a longer encoding, and it accepts every item checkStrict refuses.
class StrictWalker {
public:
    StrictWalker(QByteArrayView b, bool allowCoseTag)
        : m_p(reinterpret_cast<const uchar*>(b.data()))
        , m_n(b.size())
        , m_allowCoseTag(allowCoseTag) {}

    QString run() {
        if (m_n == 0)
            return QStringLiteral("empty input");
        if (QString e = item(0); !e.isEmpty())
            return e;
        return m_i == m_n ? QString() : QStringLiteral("%1 trailing bytes").arg(m_n - m_i);
    }

private:
    QString at(const char* what) const {
        return QStringLiteral("%1 at byte %2").arg(QLatin1String(what)).arg(m_i);
    }

    QString item(int depth) {
        if (depth > kMaxDepth)
            return at("nesting deeper than 16");
        if (m_i >= m_n)
            return at("truncated item");
        const uchar ib = m_p[m_i++];
        const int major = ib >> 5, ai = ib & 31;
        if (major == 7)
            return simple(ai);
        if (ai == 31)
            return at("indefinite length");
        if (ai > 27)
            return at("reserved additional information");
        quint64 arg = ai;
        if (ai >= 24) {
            const int size = 1 << (ai - 24);
            if (m_n - m_i < size)
                return at("truncated head");
            arg = 0;
            for (int k = 0; k < size; ++k)
                arg = (arg << 8) | m_p[m_i++];
            const quint64 shortest = size == 1   ? 24
                                     : size == 2 ? 0x100
                                     : size == 4 ? 0x10000
                                                 : 0x100000000ULL;
            if (arg < shortest)
                return at("head not in its shortest form");
        }
        switch (major) {
        case 0:
        case 1:
            if (arg > quint64(std::numeric_limits<qint64>::max()))
                return at("integer out of the int64 range");
            return {};
        case 2:
        case 3: {
            if (arg > quint64(m_n - m_i))
                return at("truncated string");
            const auto len = qsizetype(arg);
            if (major == 3 && !QUtf8StringView(reinterpret_cast<const char*>(m_p + m_i), len).isValidUtf8())
                return at("text string is not valid UTF-8");
            m_i += len;
            return {};
        }
        case 4:
        case 5: {
            const quint64 items = major == 5 ? arg * 2 : arg;
            if (arg > quint64(m_n - m_i) || items > quint64(m_n - m_i)) // each item takes a byte at least
                return at("truncated container");
            for (quint64 k = 0; k < items; ++k)
                if (QString e = item(depth + 1); !e.isEmpty())
                    return e;
            return {};
        }
        default: // 6: tags
            if (!(m_allowCoseTag && depth == 0 && arg == 18))
                return at("tag not allowed here");
            return item(depth + 1);
        }
    }

    QString simple(int ai) {
        if (ai >= 20 && ai <= 22) // false, true, null
            return {};
        if (ai >= 25 && ai <= 27)
            return at("floating-point number");
        if (ai == 31)
            return at("unexpected break (indefinite length)");
        return at("simple value not allowed");
    }

    const uchar* m_p;
    qsizetype m_n;
    qsizetype m_i = 0;
    bool m_allowCoseTag;
};

} // namespace

Expected<void> checkStrict(QByteArrayView bytes, bool allowCoseTag) {
    if (QString e = StrictWalker(bytes, allowCoseTag).run(); !e.isEmpty())
        return unexpected(QStringLiteral("cbor: ") + e);
    return {};
}

Expected<QCborValue> decode(const QByteArray& bytes) {
    if (bytes.isEmpty())
        return unexpected(QStringLiteral("cbor: empty input"));
    if (auto strict = checkStrict(bytes); !strict)
        return unexpected(strict.error());
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
    if (s.size() > maxSize && s.toUcs4().size() > maxSize) // UTF-16 units >= code points
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
