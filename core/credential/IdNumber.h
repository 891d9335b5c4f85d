#pragma once
// Citizen identification numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character. The same structure is used
// by Hong Kong/Macao/Taiwan residence permits (regions 81/82/83) and by the 2023 foreigner
// permanent residence ID card (leading 9, then the issuing province).
#include "util/Expected.h"

#include <QDate>
#include <QString>

namespace lz::idnumber {

struct Parsed {
    QString region; // first 6 digits
    QDate birthDate;
    bool male = false; // sequence code parity
};

QChar checkCharacter(QStringView first17); // '0'..'9' or 'X'; null if input is not 17 digits
Expected<Parsed> parse(QStringView id);
// The masking rule lives in credential/Masking.h (masking::documentNumber).

} // namespace lz::idnumber
