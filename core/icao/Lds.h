#pragma once
// The LDS files this terminal reads (ICAO 9303-10 §4.6–4.7): EF.COM (which data groups the chip
// has) and DG1 (the MRZ). DG2 is in Dg2.h, EF.SOD in PassiveAuth.h, DG14/DG15 in ActiveAuth.h.
#include "credential/Identity.h"
#include "icao/Mrz.h"
#include "icao/Tlv.h"

#include <QList>

namespace lz::icao {

struct EfCom {
    QString ldsVersion, unicodeVersion; // "0106", "040000"
    QList<int> dataGroups;              // e.g. {1, 2}
    // Errors: lds_malformed (and the tlv_* names).
    static Expected<EfCom> parse(const QByteArray& file);
};

// DG1: tag 61 { 5F1F MRZ }. Errors: lds_malformed, and the MRZ's own mrz_* names.
Expected<Mrz> parseDg1(const QByteArray& file);

// The holder as the MRZ states it: kind Passport (document code P…) or TravelDocument, the Latin
// name "SURNAME GIVEN NAMES", YYMMDD dates placed in a century: a birth year not after `today`'s,
// an expiry within 50 years of it. Nothing is checked here that the MRZ's check digits did not.
Identity identityFromMrz(const Mrz& mrz, const QDate& today);

// The data group number for an LDS tag (61 → 1, 75 → 2, 63 → 3, 76 → 4, 65–70 → 5–16), or 0.
int dataGroupForTag(quint32 tag);

} // namespace lz::icao
