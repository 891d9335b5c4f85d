#include "credential/Identity.h"

#include <array>

namespace lz {
namespace {

template <typename E> struct NamedValue {
    E value;
    const char* name;
};

constexpr std::array<NamedValue<DocumentKind>, 6> kKinds{{
    {DocumentKind::ResidentId, "resident_id"},
    {DocumentKind::ResidencePermit, "residence_permit"},
    {DocumentKind::ForeignerPermanentResidence, "foreigner_permanent_residence"},
    {DocumentKind::TravelPermit, "travel_permit"},
    {DocumentKind::Passport, "passport"},
    {DocumentKind::TravelDocument, "travel_document"},
}};
constexpr std::array<NamedValue<CredentialLevel>, 2> kLevels{
    {{CredentialLevel::Light, "light"}, {CredentialLevel::Full, "full"}}};
constexpr std::array<NamedValue<Sex>, 3> kSexes{
    {{Sex::Male, "male"}, {Sex::Female, "female"}, {Sex::Unspecified, "unspecified"}}};

template <typename E, std::size_t N> QString nameOf(const std::array<NamedValue<E>, N>& table, E v) {
    for (const auto& e : table)
        if (e.value == v)
            return QString::fromLatin1(e.name);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<NamedValue<E>, N>& table, const QString& n) {
    for (const auto& e : table)
        if (n == QLatin1String(e.name))
            return e.value;
    return std::nullopt;
}

// GB/T 3304-1991 names of nationalities, codes 01..56.
constexpr const char* kEthnicities[56] = {
    "汉族",     "蒙古族",   "回族",       "藏族",     "维吾尔族",   "苗族",   "彝族",     "壮族",
    "布依族",   "朝鲜族",   "满族",       "侗族",     "瑶族",       "白族",   "土家族",   "哈尼族",
    "哈萨克族", "傣族",     "黎族",       "傈僳族",   "佤族",       "畲族",   "高山族",   "拉祜族",
    "水族",     "东乡族",   "纳西族",     "景颇族",   "柯尔克孜族", "土族",   "达斡尔族", "仫佬族",
    "羌族",     "布朗族",   "撒拉族",     "毛南族",   "仡佬族",     "锡伯族", "阿昌族",   "普米族",
    "塔吉克族", "怒族",     "乌孜别克族", "俄罗斯族", "鄂温克族",   "德昂族", "保安族",   "裕固族",
    "京族",     "塔塔尔族", "独龙族",     "鄂伦春族", "赫哲族",     "门巴族", "珞巴族",   "基诺族"};

} // namespace

QString documentKindName(DocumentKind kind) {
    return nameOf(kKinds, kind);
}
std::optional<DocumentKind> documentKindFromName(const QString& name) {
    return valueOf(kKinds, name);
}
QString levelName(CredentialLevel level) {
    return nameOf(kLevels, level);
}
std::optional<CredentialLevel> levelFromName(const QString& name) {
    return valueOf(kLevels, name);
}
QString sexName(Sex sex) {
    return nameOf(kSexes, sex);
}
std::optional<Sex> sexFromName(const QString& name) {
    return valueOf(kSexes, name);
}

bool validEthnicity(int code) {
    return (code >= 1 && code <= 56) || code == 97 || code == 98;
}

QString ethnicityName(int code) {
    if (code >= 1 && code <= 56)
        return QString::fromUtf8(kEthnicities[code - 1]);
    if (code == 97)
        return QStringLiteral("其他");
    if (code == 98)
        return QStringLiteral("外国血统中国籍人士");
    return {};
}

QString maskName(const QString& name) {
    // Latin names from travel documents ("LINDQVIST ASTRID MARIA"): the surname's first letter
    // and the given names' initials, "L******** A. M.", so the clerk can match the data page
    // without the screen spelling the name out (and it fits a line in large text).
    if (name.contains(QLatin1Char(' '))) {
        QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size(); ++i)
            words[i] = i == 0 ? words[i].left(1) + QString(words[i].size() - 1, QLatin1Char('*'))
                              : words[i].left(1) + QLatin1Char('.');
        return words.join(QLatin1Char(' '));
    }
    const QList<uint> cps = name.toUcs4();
    if (cps.size() <= 1)
        return name;
    QString out = QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()), 1);
    if (cps.size() == 2)
        return out + QLatin1Char('*');
    out += QString(cps.size() - 2, QLatin1Char('*'));
    return out + QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData() + cps.size() - 1), 1);
}

} // namespace lz
