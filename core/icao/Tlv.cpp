#include "icao/Tlv.h"

namespace lz::icao {

namespace {
constexpr qsizetype kMaxLength = 16 * 1024 * 1024; // no LDS file is larger (a DG2 is ~20–100 KB)

// Tag bytes and length at bytes[pos]: returns false if truncated.
bool head(const QByteArray& b, qsizetype& pos, quint32& tag, qsizetype& length, QString& error) {
    if (pos >= b.size()) {
        error = QStringLiteral("tlv_truncated: no tag");
        return false;
    }
    tag = quint8(b[pos++]);
    if ((tag & 0x1F) == 0x1F) { // more tag bytes follow while bit 8 is set (at most 3 in all)
        for (int i = 0; i < 2; ++i) {
            if (pos >= b.size()) {
                error = QStringLiteral("tlv_truncated: tag");
                return false;
            }
            const quint8 next = quint8(b[pos++]);
            tag = (tag << 8) | next;
            if (!(next & 0x80))
                break;
            if (i == 1) {
                error = QStringLiteral("tlv_bad_length: tag longer than 3 bytes");
                return false;
            }
        }
    }
    if (pos >= b.size()) {
        error = QStringLiteral("tlv_truncated: length");
        return false;
    }
    const quint8 first = quint8(b[pos++]);
    if (first < 0x80) {
        length = first;
    } else {
        const int n = first & 0x7F;
        if (n == 0 || n > 4) {
            error = QStringLiteral("tlv_bad_length: indefinite or %1-byte length").arg(n);
            return false;
        }
        if (pos + n > b.size()) {
            error = QStringLiteral("tlv_truncated: length");
            return false;
        }
        length = 0;
        for (int i = 0; i < n; ++i)
            length = (length << 8) | quint8(b[pos++]);
        if (length > kMaxLength) {
            error = QStringLiteral("tlv_bad_length: %1 bytes").arg(length);
            return false;
        }
    }
    return true;
}
} // namespace

bool Tlv::constructed() const {
    quint32 first = tag;
    while (first > 0xFF)
        first >>= 8;
    return first & 0x20;
}

Expected<Tlv> Tlv::read(const QByteArray& bytes, qsizetype& pos) {
    const qsizetype start = pos;
    Tlv t;
    qsizetype length = 0;
    QString error;
    if (!head(bytes, pos, t.tag, length, error))
        return unexpected(error);
    if (length > bytes.size() - pos)
        return unexpected(QStringLiteral("tlv_truncated: %1 bytes announced, %2 present")
                              .arg(length)
                              .arg(bytes.size() - pos));
    t.value = bytes.mid(pos, length);
    pos += length;
    t.size = pos - start;
    return t;
}

Expected<Tlv> Tlv::parse(const QByteArray& bytes) {
    qsizetype pos = 0;
    auto t = read(bytes, pos);
    if (t && pos != bytes.size())
        return unexpected(
            QStringLiteral("tlv_bad_length: %1 bytes after the object").arg(bytes.size() - pos));
    return t;
}

Expected<QList<Tlv>> Tlv::children(const QByteArray& value) {
    QList<Tlv> out;
    qsizetype pos = 0;
    while (pos < value.size()) {
        auto t = read(value, pos);
        if (!t)
            return unexpected(t.error());
        out.append(*t);
    }
    return out;
}

qsizetype Tlv::announcedSize(const QByteArray& headBytes) {
    qsizetype pos = 0, length = 0;
    quint32 tag = 0;
    QString error;
    if (!head(headBytes, pos, tag, length, error))
        return 0;
    return pos + length;
}

} // namespace lz::icao
