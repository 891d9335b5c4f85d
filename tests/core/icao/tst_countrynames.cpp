// Countries by name (issue 18): ICAO codes shown as names in the screen's language, from
// Debian's iso-codes (ISO 3166-1 and its gettext translations); ICAO's own codes mapped; the .mo
// reader refuses what is not a catalogue (it has a fuzz target: fuzz_mo_catalog).
#include "icao/CountryNames.h"

#include <QTest>
#include <QtEndian>

using namespace lz::icao;

namespace {
// A catalogue as msgfmt writes one (little-endian), from msgid → msgstr pairs in order.
QByteArray catalog(const QList<std::pair<QByteArray, QByteArray>>& entries, bool big = false) {
    const quint32 n = quint32(entries.size());
    QByteArray head(28, '\0'), tables(int(16 * n), '\0'), strings;
    auto put = [&](QByteArray& b, int at, quint32 v) {
        if (big)
            qToBigEndian(v, b.data() + at);
        else
            qToLittleEndian(v, b.data() + at);
    };
    put(head, 0, 0x950412de);
    put(head, 8, n);
    put(head, 12, 28);
    put(head, 16, 28 + 8 * n);
    const int base = 28 + 16 * int(n);
    for (quint32 i = 0; i < n; ++i) {
        put(tables, int(8 * i), quint32(entries[i].first.size()));
        put(tables, int(8 * i + 4), quint32(base + strings.size()));
        strings += entries[i].first + '\0';
    }
    for (quint32 i = 0; i < n; ++i) {
        put(tables, int(8 * n + 8 * i), quint32(entries[i].second.size()));
        put(tables, int(8 * n + 8 * i + 4), quint32(base + strings.size()));
        strings += entries[i].second + '\0';
    }
    return head + tables + strings;
}
} // namespace

class TestCountryNames : public QObject {
    Q_OBJECT
private slots:
    void moCatalogs() {
        const QList<std::pair<QByteArray, QByteArray>> entries = {
            {"", "Content-Type: text/plain; charset=UTF-8\n"}, {"Germany", "德国"}, {"France", "法国"}};
        for (bool big : {false, true}) {
            const auto c = parseMoCatalog(catalog(entries, big));
            QCOMPARE(c.size(), 2); // the header is not an entry
            QCOMPARE(c.value(QStringLiteral("Germany")), QStringLiteral("德国"));
        }
        QByteArray cut = catalog(entries);
        cut.chop(12);
        QVERIFY(parseMoCatalog(cut).isEmpty());
        QByteArray huge = catalog(entries);
        qToLittleEndian(quint32(0x7fffffff), huge.data() + 8);
        QVERIFY(parseMoCatalog(huge).isEmpty());
        QVERIFY(parseMoCatalog(QByteArray("not a catalogue at all, not at all")).isEmpty());
    }
    void namesByCode() {
        QCOMPARE(countryName(u"DEU", QStringLiteral("zh_CN")), QStringLiteral("德国"));
        QCOMPARE(countryName(u"D<<", QStringLiteral("zh_TW")), QStringLiteral("德國"));
        QCOMPARE(countryName(u"FRA", QStringLiteral("en")), QStringLiteral("France"));
        QCOMPARE(countryName(u"JPN", QStringLiteral("zh_CN")), QStringLiteral("日本"));
        QCOMPARE(countryName(u"DE", QStringLiteral("zh_CN")), QStringLiteral("德国")); // a certificate's
        QCOMPARE(countryName(u"XXA", QStringLiteral("en")), QStringLiteral("Stateless person"));
        QCOMPARE(countryName(u"TWN", QStringLiteral("zh_CN")), QStringLiteral("中国台湾"));
        QCOMPARE(countryName(u"HKG", QStringLiteral("en")), QStringLiteral("Hong Kong, China"));
        QCOMPARE(countryName(u"ZZZ", QStringLiteral("zh_CN")), QStringLiteral("ZZZ")); // unknown: the code
    }
};

QTEST_GUILESS_MAIN(TestCountryNames)
#include "tst_countrynames.moc"
