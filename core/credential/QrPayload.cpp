#include "credential/QrPayload.h"

#include "codec/Base45.h"
#include "codec/Zlib.h"

namespace lz::qr {
namespace {
Unexpected<DecodeError> malformed(const QString& detail) {
    return unexpected(DecodeError{DecodeProblem::Malformed, detail});
}
} // namespace

QString encode(const QByteArray& cose) {
    return QString::fromLatin1(kPrefix) + QString::fromLatin1(base45::encode(zlib::deflate(cose)));
}

Expected<QByteArray, DecodeError> decode(QStringView text) {
    while (!text.isEmpty() && (text.back() == QLatin1Char('\n') || text.back() == QLatin1Char('\r')))
        text.chop(1);
    if (text.size() > kMaxTextLength)
        return malformed(QStringLiteral("qr: text longer than any QR code holds"));
    // Prefix "LZ" <version digits> ":"
    if (!text.startsWith(QLatin1String("LZ")))
        return malformed(QStringLiteral("qr: not a Liangzheng credential (no LZ prefix)"));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 3 || colon > 5)
        return malformed(QStringLiteral("qr: malformed version prefix"));
    for (qsizetype i = 2; i < colon; ++i)
        if (!text[i].isDigit() || text[i].unicode() > 127)
            return malformed(QStringLiteral("qr: malformed version prefix"));
    if (text.left(colon + 1) != QLatin1String(kPrefix))
        return unexpected(DecodeError{DecodeProblem::UnsupportedVersion,
                                      QStringLiteral("qr: credential format version %1 is not supported")
                                          .arg(text.mid(2, colon - 2).toString())});
    const QByteArray body = text.mid(colon + 1).toLatin1();
    auto compressed = base45::decode(body);
    if (!compressed)
        return malformed(compressed.error());
    auto cose = zlib::inflate(*compressed, kMaxInflated);
    if (!cose)
        return malformed(cose.error());
    return *cose;
}

} // namespace lz::qr
