#pragma once
#include "desk/DeskError.h"
#include "nfc/NfcError.h"
// The guest- and clerk-facing words for the core's named values: reasons, hints, document
// kinds, venue types, registration errors. One place, so that every screen says the same thing
// and the translators see each phrase once.
#include "credential/Identity.h"
#include "log/Registration.h"
#include "ui/KioskTypes.h"

#include <QCoreApplication>

namespace lz::ui {

class Texts {
    Q_DECLARE_TR_FUNCTIONS(Texts)
public:
    static QString reason(Reason r); // plain words for the guest
    // The same for a way of reading: a travel document's chip has its own words for a few.
    static QString reasonFor(Reason r, const QString& method);
    static QString reasonShort(Reason r); // a few words, for staff tables
    // "under_18", "stay_open" (with the open stay's room) → why the venue must refuse
    static QString eligibility(const QString& code, const QString& room = {});
    // A refusal (issue 18): the banner's words ("Not registered: under 18"), the guest's next
    // steps (open the app → refresh → hold it to the camera; empty: none) and a separate line for
    // the clerk (what to check, what to do). Never a raw error name.
    static QString refusalTitle(const QString& eligibilityCode);
    static QStringList guestSteps(Reason r, const QString& method, const QString& eligibilityCode = {});
    static QString clerkNote(Reason r, const QString& eligibilityCode = {}, const QString& room = {});
    static QString method(const QString& method); // how the credential was read: "qr", "scanner", "nfc"
    static QString hint(GuestHint h);
    static QString documentKind(DocumentKind k);
    // The same, for a card read through the SAM reader (居民身份证 rather than the e-credential).
    static QString cardKind(DocumentKind k);
    static QString level(CredentialLevel l);
    static QString sex(Sex s);
    // 民族 in the screen's language (GB/T 3304; English names as the standard romanises them).
    static QString ethnicity(int code);
    static QString country(const QString& code); // a country by name, not its ICAO code
    static QString venueType(VenueType t);
    // A registration the log refused: disk full, damaged log, missing fields … in plain words.
    static QString registrationError(const desk::DeskFailure& failure); // the desk's refusal, for the clerk
    static QString languageName(const QString& code); // in its own language: 简体中文, 繁體中文, English
    // Travel documents: the MRZ's named errors (core/icao/Mrz.h), a chip read's problems
    // (bac_refused, card_left, not_emrtd …), the face's problems, the visa types.
    static QString mrzError(const QString& code);
    // A travel document's chip could not be read: what the clerk does next.
    static QString passportProblem(nfc::NfcCode code);
    static QString passportTimeout(); // no document came to the reader
    static QString photoProblem(const QString& code);
    static QString visaType(const QString& code);
};

// "4401**********1234": what every screen shows of a document number.

} // namespace lz::ui
