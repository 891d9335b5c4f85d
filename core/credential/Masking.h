#pragma once
// The one masking rule (docs/privacy.md): every output that is not explicitly unmasked — the
// CLI's JSON, log lists and exports, the kiosk's screens — shows an identity through these
// functions and nothing else of it. What is shown together must leave at least 10,000 GB 11643
// numbers possible even to someone who knows the holder's region code:
//  - the number: its first 2 and last 2 characters (province; last sequence digit and check);
//  - the birth date: never, nor the year — only whether the holder is 18 or over on the day of
//    the check, which is what venues need (hotels: minors with a guardian; cafés: no minors);
//  - the name: the first character and the last of three or more ("张*", "张*明");
//  - sex and ethnicity (the last sequence digit says the sex anyway; ethnicity is not in the number).
// For an adult that leaves ~37,000 birth dates × 100 sequence prefixes / 11 check values ≈ 330,000
// numbers, for a minor ≈ 60,000 (tests/core/credential/tst_masking.cpp enumerates them).
#include "credential/Identity.h"

#include <QDate>
#include <QString>

namespace lz::masking {

inline constexpr int kAdultAge = 18;

// GB 11643 numbers (18 characters): "11**************11". Other document numbers (passports,
// permits): at most a quarter of the characters at each end ("AB*****67").
QString documentNumber(QStringView number);
// "张*", "张*明", "L******** A. M." (see maskName).
QString name(const QString& name);
// True when the holder born on birth is at least 18 years old on `on` (a birthday on 29 February
// counts from 1 March in common years).
bool isAdult(QDate birth, QDate on);

} // namespace lz::masking
