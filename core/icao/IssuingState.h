#pragma once
// The issuing state of a travel document (its MRZ's three-letter ICAO code) as the two-letter
// country of the certificates that sign for it: a CSCA may vouch only for its own state's
// documents (9303-12 §7.1), so a document claiming another state is refused whatever signed it.
#include <QString>

namespace lz::icao {

// "DEU" / "D" → "DE", "CHN" → "CN", "UTO" → "UT" (ICAO's specimen); empty for codes of
// organisations and others without a country (UNO, XOM, EUE, XXA …).
QString alpha2ForIssuingState(QStringView issuingState);

} // namespace lz::icao
