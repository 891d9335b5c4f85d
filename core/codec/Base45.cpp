#include "codec/Base45.h"

#include <array>

namespace lz::base45 {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

constexpr std::array<qint8, 256> makeReverse() {
    std::array<qint8, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 45; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<qint8>(i);
    return table;
}
constexpr auto kReverse = makeReverse();

} // namespace

QByteArray encode(const QByteArray& data) {
    QByteArray out;
    out.reserve((data.size() / 2) * 3 + 2);
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    qsizetype i = 0;
    for (; i + 1 < data.size(); i += 2) {
        unsigned n = p[i] * 256u + p[i + 1];
        out.append(kAlphabet[n % 45]);
        out.append(kAlphabet[(n / 45) % 45]);
        out.append(kAlphabet[n / 2025]);
    }
    if (i < data.size()) {
        unsigned n = p[i];
        out.append(kAlphabet[n % 45]);
        out.append(kAlphabet[n / 45]);
    }
    return out;
}

Expected<QByteArray> decode(QByteArrayView text) {
    if (text.size() % 3 == 1)
        return unexpected(QStringLiteral("base45: length %1 leaves a single character").arg(text.size()));
    QByteArray out;
    out.reserve((text.size() / 3) * 2 + 1);
    qsizetype i = 0;
    auto digit = [&](qsizetype k) { return kReverse[static_cast<unsigned char>(text[k])]; };
    for (; i < text.size(); i += 3) {
        const qsizetype left = text.size() - i;
        const int c = digit(i), d = digit(i + 1), e = left >= 3 ? digit(i + 2) : 0;
        if (c < 0 || d < 0 || e < 0)
            return unexpected(QStringLiteral("base45: character outside the alphabet near offset %1").arg(i));
        const unsigned n = unsigned(c) + unsigned(d) * 45u + unsigned(e) * 2025u;
        if (left >= 3) {
            if (n > 0xFFFF)
                return unexpected(QStringLiteral("base45: triple at offset %1 exceeds 0xFFFF").arg(i));
            out.append(char(n >> 8));
            out.append(char(n & 0xFF));
        } else {
            if (n > 0xFF)
                return unexpected(QStringLiteral("base45: final pair exceeds 0xFF"));
            out.append(char(n));
        }
    }
    return out;
}

} // namespace lz::base45
