#include "credential/IdNumber.h"

namespace lz::idnumber {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

// Province-level codes of GB/T 2260, plus 81/82/83 used by residence permits.
bool knownProvince(int code) {
    static constexpr int kCodes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                     44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    for (int c : kCodes)
        if (c == code)
            return true;
    return false;
}

int digitAt(QStringView s, int i) {
    return s[i].unicode() - '0';
}

} // namespace

QChar checkCharacter(QStringView first17) {
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (!first17[i].isDigit() || first17[i].unicode() > 127)
            return {};
        sum += digitAt(first17, i) * kWeights[i];
    }
    return QLatin1Char(kCheck[sum % 11]);
}

Expected<Parsed> parse(QStringView id) {
    if (id.size() != 18)
        return unexpected(QStringLiteral("id number: must be 18 characters, got %1").arg(id.size()));
    const QChar expected = checkCharacter(id.left(17));
    if (expected.isNull())
        return unexpected(QStringLiteral("id number: first 17 characters must be digits"));
    if (id[17] != expected)
        return unexpected(QStringLiteral("id number: check character does not match (GB 11643)"));
    const bool foreigner = id[0] == QLatin1Char('9');
    const int province =
        foreigner ? digitAt(id, 1) * 10 + digitAt(id, 2) : digitAt(id, 0) * 10 + digitAt(id, 1);
    if (!knownProvince(province))
        return unexpected(QStringLiteral("id number: unknown province code %1").arg(province));
    Parsed p;
    p.region = id.left(6).toString();
    p.birthDate = QDate::fromString(id.mid(6, 8).toString(), QStringLiteral("yyyyMMdd"));
    if (!p.birthDate.isValid() || p.birthDate.year() < 1880)
        return unexpected(QStringLiteral("id number: invalid birth date"));
    p.male = digitAt(id, 16) % 2 == 1;
    return p;
}

} // namespace lz::idnumber
