#pragma once
// The machine-readable zone of ICAO 9303 travel documents (Part 3 check digits, Parts 4–6
// layouts TD1 3×30, TD2 2×36, TD3 2×44) and the access key the chip's BAC and PACE derive from it:
// document number + check digit + birth date + check digit + expiry date + check digit.
// Errors are named (mrz_*) so the clerk's screen can say which field to look at again.
#include "util/Expected.h"

#include <QString>

namespace lz::icao {

struct MrzError {
    QString code;   // mrz_format, mrz_document_number, mrz_birth_date, mrz_expiry_date,
                    // mrz_check_document_number, mrz_check_birth_date, mrz_check_expiry_date,
                    // mrz_check_optional, mrz_check_composite
    QString detail; // technical, English; never the document's data
};

// YYMMDD a real day in some century (29 February is accepted, as 2000 was a leap year).
bool isMrzDate(const QString& yymmdd);

// ICAO 9303-3 4.9: weights 7, 3, 1; 0–9 → 0–9, A–Z → 10–35, '<' → 0. -1 for another character.
int checkDigit(QStringView field);

// What BAC and PACE need: from the clerk's typed fields or from a full MRZ.
struct MrzKey {
    QString documentNumber; // as printed, without fillers ("L898902C", "D23145890734")
    QString birthDate;      // YYMMDD
    QString expiryDate;     // YYMMDD

    // Typed by the clerk: letters upper-cased, spaces and fillers dropped, dates checked as dates.
    static Expected<MrzKey, MrzError> fromFields(QString documentNumber, QString birthDate,
                                                 QString expiryDate);
    // "MRZ_information" (Part 11 9.7.2): the number padded with '<' to at least 9, each field
    // followed by its check digit.
    QByteArray information() const;
};

struct Mrz {
    enum class Format { TD1, TD2, TD3 };
    Format format = Format::TD3;
    QString documentCode, issuingState, surname, givenNames, nationality, sex, optionalData;
    MrzKey key;
};

// Two or three lines (newlines, or one string of 88/72/90 characters as in DG1); every check
// digit verified.
Expected<Mrz, MrzError> parseMrz(QStringView text);

} // namespace lz::icao
