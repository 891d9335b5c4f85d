#include "icao/CountryNames.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace lz::icao {
namespace {

const char* kIsoJson = "/usr/share/iso-codes/json/iso_3166-1.json";
const char* kIsoCatalog = "/usr/share/locale/%1/LC_MESSAGES/iso_3166-1.mo";

struct Special {
    const char* code;
    const char* en;
    const char* zhCN;
    const char* zhTW;
};
// ICAO 9303-3 codes that are not ISO 3166-1 alpha-3 (Germany's single letter, the British
// nationality classes, organisations, stateless persons and refugees).
const Special kSpecials[] = {
    {"D", "Germany", "德国", "德國"},
    {"GBD", "British Overseas Territories citizen", "英国海外领土公民", "英國海外領土公民"},
    {"GBN", "British National (Overseas)", "英国国民（海外）", "英國國民（海外）"},
    {"GBO", "British Overseas citizen", "英国海外公民", "英國海外公民"},
    {"GBP", "British protected person", "英国受保护人士", "英國受保護人士"},
    {"GBS", "British subject", "英国属民", "英國屬民"},
    {"UNO", "United Nations", "联合国", "聯合國"},
    {"UNA", "United Nations agency", "联合国专门机构", "聯合國專門機構"},
    {"UNK", "Kosovo (UN administration)", "科索沃（联合国托管）", "科索沃（聯合國託管）"},
    {"RKS", "Kosovo", "科索沃", "科索沃"},
    {"EUE", "European Union", "欧洲联盟", "歐洲聯盟"},
    {"XXA", "Stateless person", "无国籍人", "無國籍人"},
    {"XXB", "Refugee", "难民", "難民"},
    {"XXC", "Refugee (other)", "难民（其他）", "難民（其他）"},
    {"XXX", "Unspecified nationality", "国籍未说明", "國籍未說明"},
    {"UTO", "Utopia (ICAO specimen)", "乌托邦（ICAO样例）", "烏托邦（ICAO樣例）"},
    // The terminal serves venues in mainland China: these regions are named as the mainland's
    // registration systems name them, in every language.
    {"TWN", "Taiwan, China", "中国台湾", "中國台灣"},
    {"HKG", "Hong Kong, China", "中国香港", "中國香港"},
    {"MAC", "Macao, China", "中国澳门", "中國澳門"},
};

struct Names {
    QHash<QString, QString> english;                  // alpha-3 → English name
    QHash<QString, QHash<QString, QString>> catalogs; // language → English name → translation
};

const Names& names() {
    static const Names loaded = [] {
        Names n;
        QFile json(QString::fromLatin1(kIsoJson));
        if (json.open(QIODevice::ReadOnly)) {
            const QJsonArray all =
                QJsonDocument::fromJson(json.readAll()).object().value(QLatin1String("3166-1")).toArray();
            for (const QJsonValue& v : all) {
                const QJsonObject c = v.toObject();
                const QString common = c.value(QLatin1String("common_name")).toString();
                const QString name = common.isEmpty() ? c.value(QLatin1String("name")).toString() : common;
                n.english.insert(c.value(QLatin1String("alpha_3")).toString(), name);
                n.english.insert(c.value(QLatin1String("alpha_2")).toString(),
                                 name); // a certificate's country
            }
        }
        for (const QString& lang : {QStringLiteral("zh_CN"), QStringLiteral("zh_TW")}) {
            QFile mo(QString::fromLatin1(kIsoCatalog).arg(lang));
            if (mo.open(QIODevice::ReadOnly))
                n.catalogs.insert(lang, parseMoCatalog(mo.readAll()));
        }
        return n;
    }();
    return loaded;
}

} // namespace

QHash<QString, QString> parseMoCatalog(const QByteArray& bytes) {
    QHash<QString, QString> out;
    if (bytes.size() < 28)
        return out;
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    const quint32 magic = qFromLittleEndian<quint32>(p);
    const bool little = magic == 0x950412deU;
    if (!little && qFromBigEndian<quint32>(p) != 0x950412deU)
        return out;
    auto word = [&](qint64 at) -> std::optional<quint32> {
        if (at < 0 || at + 4 > bytes.size())
            return std::nullopt;
        return little ? qFromLittleEndian<quint32>(p + at) : qFromBigEndian<quint32>(p + at);
    };
    const quint32 count = *word(8), originals = *word(12), translations = *word(16);
    // Each entry is 8 bytes in both tables: a catalogue claiming more than fits is not one.
    if (count > quint32(bytes.size()) / 16)
        return {};
    auto string = [&](quint32 table, quint32 i) -> std::optional<QString> {
        const auto length = word(qint64(table) + 8 * qint64(i));
        const auto offset = word(qint64(table) + 8 * qint64(i) + 4);
        if (!length || !offset || qint64(*offset) + qint64(*length) > bytes.size())
            return std::nullopt;
        return QString::fromUtf8(bytes.constData() + *offset, qsizetype(*length));
    };
    for (quint32 i = 0; i < count; ++i) {
        const auto id = string(originals, i);
        const auto text = string(translations, i);
        if (!id || !text)
            return {};
        if (!id->isEmpty()) // the empty msgid is the catalogue's header
            out.insert(*id, *text);
    }
    return out;
}

QString countryName(QStringView code, const QString& language) {
    const QString key = code.toString().remove(QLatin1Char('<')).trimmed().toUpper();
    const QString alpha3 = key == QLatin1String("TW")   ? QStringLiteral("TWN")
                           : key == QLatin1String("HK") ? QStringLiteral("HKG")
                           : key == QLatin1String("MO") ? QStringLiteral("MAC")
                                                        : key;
    for (const Special& s : kSpecials)
        if (alpha3 == QLatin1String(s.code))
            return QString::fromUtf8(language == QLatin1String("zh_CN")   ? s.zhCN
                                     : language == QLatin1String("zh_TW") ? s.zhTW
                                                                          : s.en);
    const Names& n = names();
    const QString english = n.english.value(key);
    if (english.isEmpty())
        return key;
    if (language == QLatin1String("en"))
        return english;
    const QString translated = n.catalogs.value(language).value(english);
    return translated.isEmpty() ? english : translated;
}

} // namespace lz::icao
