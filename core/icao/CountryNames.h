#pragma once
// Countries by name, not by ICAO code (issue 18): a passport's nationality and issuing state are
// shown as 德国 / Germany, not DEU. The names come from Debian's iso-codes package (ISO 3166-1 in
// /usr/share/iso-codes/json, its translations as gettext catalogues in /usr/share/locale), which
// is maintained with the standard; ICAO's own codes (D, GBD…, UNO, XXA…) are mapped here.
#include <QByteArray>
#include <QHash>
#include <QString>

namespace lz::icao {

// A gettext catalogue (.mo, either byte order): msgid → msgstr, without the header entry; empty
// when the bytes are not one. Parsed by hand: Qt reads its own .qm files, not .mo, and libintl
// would change the whole process's locale state.
QHash<QString, QString> parseMoCatalog(const QByteArray& bytes);

// The name of a country or organisation by its ICAO 9303 three-letter code (or ISO alpha-3) in
// "zh_CN", "zh_TW" or "en" (an ISO alpha-2 code too: a certificate's country); the code itself
// when neither knows it. Filler '<' is ignored.
QString countryName(QStringView code, const QString& language);

} // namespace lz::icao
