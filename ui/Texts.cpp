#include "ui/Texts.h"

#include "icao/CountryNames.h"
#include "ui/Language.h"

#include "credential/Masking.h"

namespace lz::ui {

QString Texts::reason(Reason r) {
    switch (r) {
    case Reason::None:
        return tr("Verified");
    case Reason::Malformed:
        return tr("This is not an electronic ID code. Please show the QR code of your electronic ID.");
    case Reason::UnsupportedVersion:
        return tr("This code is newer than this terminal supports. Please ask staff for help.");
    case Reason::UnknownIssuer:
        return tr("The issuer of this credential is not known to this terminal.");
    case Reason::BadIssuerSignature:
        return tr("The credential's signature is not valid (it may have been altered).");
    case Reason::BadHolderSignature:
        return tr("This code does not come from the holder's phone (it may be a copy).");
    case Reason::CredentialNotYetValid:
        return tr("This credential is not valid yet.");
    case Reason::CredentialExpired:
        return tr("This credential has expired. Please renew it in the app.");
    case Reason::PresentationExpired:
        return tr("This QR code has expired. Please refresh it and show it again.");
    case Reason::PresentationFromFuture:
        return tr("This QR code's time is wrong. Please check the phone's clock and refresh.");
    case Reason::Replayed:
        return tr("This QR code has already been used.");
    case Reason::Revoked:
        return tr("This credential has been revoked.");
    case Reason::TrustListStale:
    case Reason::TrustListExpired:
        return tr("This terminal's trust list is out of date. Please contact the administrator.");
    case Reason::ClockUntrusted:
        return tr("This terminal's clock is wrong. Please contact the administrator.");
    case Reason::BadDocumentSignature:
        return tr("The document's chip data is not signed correctly (it may have been altered).");
    case Reason::UnknownCsca:
        return tr("The document's issuing country is not in this terminal's trust list.");
    case Reason::CertificateExpired:
        return tr("The certificate that signed this document has expired or is not yet valid.");
    case Reason::CertificateInvalid:
        return tr("The certificate that signed this document is not valid.");
    case Reason::DataGroupMismatch:
        return tr("The chip's data does not match its signature (it may have been altered).");
    case Reason::ChipAuthenticationFailed:
        return tr("The chip failed its anti-copying check: it may be a cloned chip.");
    case Reason::CardNotAuthentic:
        return tr("This ID card did not pass the card reader's authentication.");
    case Reason::DocumentInconsistent:
        return tr("This card's data contradicts itself (number, birth date or sex). Please check the card by "
                  "hand and ask staff.");
    case Reason::DocumentExpired:
        return tr("This ID card has expired.");
    }
    return tr("Not verified.");
}

QString Texts::reasonFor(Reason r, const QString& method) {
    if (method == QLatin1String("passport")) {
        if (r == Reason::Malformed)
            return tr("The document's chip data could not be understood. Please check the document by hand.");
        if (r == Reason::CredentialExpired)
            return tr("This document has expired.");
        if (r == Reason::Revoked)
            return tr("The certificate that signed this document has been revoked.");
    }
    if (method == QLatin1String("id_card") && r == Reason::Malformed)
        return tr("The card reader returned data that is not a card's. Please place the card again.");
    return reason(r);
}

QString Texts::reasonShort(Reason r) {
    switch (r) {
    case Reason::None:
        return tr("Verified");
    case Reason::Malformed:
        return tr("Not an e-ID code");
    case Reason::UnsupportedVersion:
        return tr("Unsupported version");
    case Reason::UnknownIssuer:
        return tr("Unknown issuer");
    case Reason::BadIssuerSignature:
        return tr("Forged or altered");
    case Reason::BadHolderSignature:
        return tr("Not from the holder's phone");
    case Reason::CredentialNotYetValid:
        return tr("Not yet valid");
    case Reason::CredentialExpired:
        return tr("Credential expired");
    case Reason::PresentationExpired:
        return tr("Code expired");
    case Reason::PresentationFromFuture:
        return tr("Code time wrong");
    case Reason::Replayed:
        return tr("Already used");
    case Reason::Revoked:
        return tr("Revoked");
    case Reason::TrustListStale:
    case Reason::TrustListExpired:
        return tr("Trust list out of date");
    case Reason::ClockUntrusted:
        return tr("Terminal clock wrong");
    case Reason::BadDocumentSignature:
        return tr("Chip signature invalid");
    case Reason::UnknownCsca:
        return tr("Unknown issuing country");
    case Reason::CertificateExpired:
        return tr("Signer certificate expired");
    case Reason::CertificateInvalid:
        return tr("Signer certificate invalid");
    case Reason::DataGroupMismatch:
        return tr("Chip data altered");
    case Reason::ChipAuthenticationFailed:
        return tr("Cloned chip?");
    case Reason::CardNotAuthentic:
        return tr("Card not authenticated");
    case Reason::DocumentInconsistent:
        return tr("Card data inconsistent");
    case Reason::DocumentExpired:
        return tr("Card expired");
    }
    return {};
}

QString Texts::eligibility(const QString& code, const QString& room) {
    if (code == QLatin1String("under_18"))
        return tr("Under 18: by law, minors may not enter an internet café.");
    if (code == QLatin1String("stay_open")) // the room is for the clerk's line, not the guest's
        return tr("You are already checked in here. Please ask at the desk.");
    if (code == QLatin1String("stay_open_flag"))
        return tr("Already checked in (room %1). To register anyway, give a reason.").arg(room);
    return code.isEmpty() ? QString() : tr("This person may not be registered here.");
}

QString Texts::ethnicity(int code) {
    static const char* const kEnglish[56] = {
        "Han",   "Mongol",    "Hui",    "Tibetan", "Uygur",  "Miao",  "Yi",      "Zhuang",
        "Buyei", "Korean",    "Manchu", "Dong",    "Yao",    "Bai",   "Tujia",   "Hani",
        "Kazak", "Dai",       "Li",     "Lisu",    "Va",     "She",   "Gaoshan", "Lahu",
        "Sui",   "Dongxiang", "Naxi",   "Jingpo",  "Kirgiz", "Tu",    "Daur",    "Mulao",
        "Qiang", "Blang",     "Salar",  "Maonan",  "Gelao",  "Xibe",  "Achang",  "Pumi",
        "Tajik", "Nu",        "Uzbek",  "Russian", "Ewenki", "Deang", "Bonan",   "Yugur",
        "Gin",   "Tatar",     "Derung", "Oroqen",  "Hezhen", "Monba", "Lhoba",   "Jino"};
    static const char* const kTraditional[56] = {
        "漢族",     "蒙古族",   "回族",       "藏族",     "維吾爾族",   "苗族",   "彝族",     "壯族",
        "布依族",   "朝鮮族",   "滿族",       "侗族",     "瑤族",       "白族",   "土家族",   "哈尼族",
        "哈薩克族", "傣族",     "黎族",       "傈僳族",   "佤族",       "畲族",   "高山族",   "拉祜族",
        "水族",     "東鄉族",   "納西族",     "景頗族",   "柯爾克孜族", "土族",   "達斡爾族", "仫佬族",
        "羌族",     "布朗族",   "撒拉族",     "毛南族",   "仡佬族",     "錫伯族", "阿昌族",   "普米族",
        "塔吉克族", "怒族",     "烏孜別克族", "俄羅斯族", "鄂溫克族",   "德昂族", "保安族",   "裕固族",
        "京族",     "塔塔爾族", "獨龍族",     "鄂倫春族", "赫哲族",     "門巴族", "珞巴族",   "基諾族"};
    const QString language = currentLanguage();
    if (code >= 1 && code <= 56 && language == QLatin1String("en"))
        return QString::fromUtf8(kEnglish[code - 1]);
    if (code >= 1 && code <= 56 && language == QLatin1String("zh_TW"))
        return QString::fromUtf8(kTraditional[code - 1]);
    if (code == 97)
        return tr("Other");
    if (code == 98)
        return tr("Chinese citizen of foreign origin");
    return ethnicityName(code);
}

QString Texts::country(const QString& code) {
    return icao::countryName(code, currentLanguage());
}

QString Texts::refusalTitle(const QString& code) {
    if (code == QLatin1String("under_18"))
        return tr("Not registered: under 18");
    if (code == QLatin1String("stay_open"))
        return tr("Not registered: already checked in");
    return tr("Not registered here");
}

QStringList Texts::guestSteps(Reason r, const QString& method, const QString& code) {
    if (code == QLatin1String("under_18"))
        return {};
    if (!code.isEmpty())
        return {tr("Please ask at the desk")};
    const bool tap = method == QLatin1String("nfc");
    const bool code2d =
        method == QLatin1String("qr") || method == QLatin1String("scanner") || method.isEmpty();
    const QString showAgain = tap ? tr("Hold the phone to the reader again") : tr("Hold it to the camera");
    switch (r) {
    case Reason::PresentationExpired:
    case Reason::PresentationFromFuture:
    case Reason::Replayed:
        return {tr("Open the app"), tap ? tr("Confirm in the app") : tr("Refresh the code"), showAgain};
    case Reason::Malformed:
        if (code2d)
            return {tr("Open the e-ID app"), tr("Show your ID code"), showAgain};
        break;
    case Reason::CredentialExpired:
    case Reason::CredentialNotYetValid:
        if (code2d || tap)
            return {tr("Renew it in the app"), showAgain};
        break;
    default:
        break;
    }
    return {tr("Please ask staff for help")};
}

QString Texts::clerkNote(Reason r, const QString& code, const QString& room) {
    if (code == QLatin1String("under_18"))
        return tr(
            "Staff: the guest is under 18 — by law no entry to an internet café. Nothing was registered.");
    if (code == QLatin1String("stay_open"))
        return tr("Staff: already checked in, room %1. Record the check-out first, or void a mistaken "
                  "registration in staff mode.")
            .arg(room);
    if (!code.isEmpty())
        return tr("Staff: this person may not be registered at this venue.");
    switch (r) {
    case Reason::None:
        return {};
    case Reason::Malformed:
    case Reason::UnsupportedVersion:
    case Reason::PresentationExpired:
    case Reason::PresentationFromFuture:
    case Reason::Replayed:
        return tr("Staff: the code itself cannot be used — a fresh one from the guest's app is needed.");
    case Reason::CredentialExpired:
    case Reason::CredentialNotYetValid:
    case Reason::DocumentExpired:
        return tr("Staff: the document is not valid today — another valid document is needed.");
    case Reason::UnknownIssuer:
    case Reason::BadIssuerSignature:
    case Reason::BadHolderSignature:
    case Reason::Revoked:
    case Reason::BadDocumentSignature:
    case Reason::UnknownCsca:
    case Reason::CertificateExpired:
    case Reason::CertificateInvalid:
    case Reason::DataGroupMismatch:
    case Reason::ChipAuthenticationFailed:
    case Reason::CardNotAuthentic:
    case Reason::DocumentInconsistent:
        return tr("Staff: possibly forged or altered — check the document by hand. The attempt is logged.");
    case Reason::TrustListStale:
    case Reason::TrustListExpired:
    case Reason::ClockUntrusted:
        return tr("Staff: the terminal needs maintenance (trust list or clock): see staff mode.");
    }
    return {};
}

QString Texts::method(const QString& method) {
    if (method == QLatin1String("nfc"))
        return tr("Phone, NFC tap");
    if (method == QLatin1String("passport"))
        return tr("Document chip (NFC)");
    if (method == QLatin1String("scanner"))
        return tr("QR code, scanner");
    if (method == QLatin1String("id_card"))
        return tr("ID card, card reader");
    return tr("QR code, camera");
}

QString Texts::hint(GuestHint h) {
    switch (h) {
    case GuestHint::None:
    case GuestHint::NoCode:
        return {};
    case GuestHint::MoveCloser:
        return tr("Move the phone closer");
    case GuestHint::MoveBack:
        return tr("Move the phone a little further away");
    case GuestHint::HoldStill:
        return tr("Hold the phone still");
    case GuestHint::TiltForGlare:
        return tr("Glare on the screen: tilt the phone slightly");
    case GuestHint::NfcHoldStill:
        return tr("Keep the phone on the reader until the result appears");
    case GuestHint::NfcUnsupportedCard:
        return tr("This card cannot be read here. Please show the QR code of your electronic ID.");
    case GuestHint::NfcNoWallet:
        return tr(
            "No electronic ID answered. Open the ID wallet on the phone and hold it to the reader again.");
    case GuestHint::NfcDeclined:
        return tr("The phone declined. Confirm in the ID wallet and hold it to the reader again.");
    case GuestHint::NfcFailed:
        return tr("The reader could not read it. Please hold the phone to the reader again.");
    case GuestHint::NfcIdCard:
        return tr("Please place the ID card on the ID card reader.");
    case GuestHint::IdCardLayAgain:
        return tr("Place the ID card on the card reader again and keep it still.");
    case GuestHint::IdCardUnreadable:
        return tr("This card could not be read. Please ask staff for help.");
    case GuestHint::IdCardReaderFault:
        return tr("The ID card reader is not working. Please ask staff for help.");
    }
    return {};
}

QString Texts::documentKind(DocumentKind k) {
    switch (k) {
    case DocumentKind::ResidentId:
        return tr("Resident ID e-credential");
    case DocumentKind::ResidencePermit:
        return tr("Residence permit for Hong Kong, Macao and Taiwan residents");
    case DocumentKind::ForeignerPermanentResidence:
        return tr("Foreigner's permanent residence ID");
    case DocumentKind::TravelPermit:
        return tr("Mainland travel permit");
    case DocumentKind::Passport:
        return tr("Passport");
    case DocumentKind::TravelDocument:
        return tr("Travel document");
    }
    return {};
}

QString Texts::cardKind(DocumentKind k) {
    switch (k) {
    case DocumentKind::ResidentId:
        return tr("Resident ID card");
    case DocumentKind::ForeignerPermanentResidence:
        return tr("Permanent residence card"); // short: the row shares the screen with the form
    case DocumentKind::ResidencePermit:
    case DocumentKind::TravelPermit:
    case DocumentKind::Passport:
    case DocumentKind::TravelDocument:
        break;
    }
    return documentKind(k); // the permits' names are the cards' names
}

QString Texts::level(CredentialLevel l) {
    return l == CredentialLevel::Full ? tr("Full") : tr("Light");
}

QString Texts::sex(Sex s) {
    switch (s) {
    case Sex::Male:
        return tr("Male");
    case Sex::Female:
        return tr("Female");
    case Sex::Unspecified:
        break;
    }
    return tr("Unspecified");
}

QString Texts::venueType(VenueType t) {
    switch (t) {
    case VenueType::Hotel:
        return tr("Hotel");
    case VenueType::InternetCafe:
        return tr("Internet café");
    case VenueType::GovernmentWindow:
        return tr("Government service window");
    case VenueType::ParcelCounter:
        return tr("Parcel counter");
    }
    return {};
}

QString Texts::registrationError(const desk::DeskFailure& f) {
    using desk::DeskError;
    switch (f.error) {
    case DeskError::DiskFull:
        return tr("Not registered: the disk is full. Please call the administrator.");
    case DeskError::Details:
        return tr("Not registered: please fill in every field.");
    case DeskError::Ineligible:
        return eligibility(f.detail);
    case DeskError::StayOpen:
        return tr("Not registered: this guest already holds an open stay.");
    case DeskError::UnknownDecision:
    case DeskError::DecisionExpired:
    case DeskError::DecisionUsed:
    case DeskError::NotRegistrable:
        return tr("Not registered: the check is too old. Please show the code again.");
    case DeskError::OverrideReason:
        return tr(
            "Not registered: the clerk on duty (staff settings) and a reason are needed to register anyway.");
    case DeskError::LogUnavailable:
    case DeskError::LogWrite:
        return tr("Not registered: the registration log is unavailable. Please call the administrator.");
    case DeskError::NotAmendable:
    case DeskError::AlreadyVoided:
        return tr("Not saved: this registration cannot be voided or corrected.");
    case DeskError::FaceUnconfirmed:
        return tr(
            "Not registered: the face check did not confirm the guest. The clerk on duty (staff settings) "
            "compares the document photo with the guest and gives a reason.");
    case DeskError::StayNotOpen:
        break;
    }
    return tr("Not registered: an error occurred. Please try again.");
}

QString Texts::languageName(const QString& code) {
    // Each language names itself, so a guest finds theirs whatever is shown now.
    if (code == QLatin1String("zh_TW"))
        return QStringLiteral("繁體中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return QStringLiteral("简体中文");
}

QStringList supportedLanguages() {
    return {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"), QStringLiteral("en")};
}

} // namespace lz::ui

namespace lz::ui {

QString Texts::mrzError(const QString& code) {
    if (code == QLatin1String("mrz_document_number"))
        return tr("The document number must be letters and digits only.");
    if (code == QLatin1String("mrz_birth_date"))
        return tr("The date of birth must be six digits YYMMDD and a real date.");
    if (code == QLatin1String("mrz_expiry_date"))
        return tr("The date of expiry must be six digits YYMMDD and a real date.");
    if (code == QLatin1String("mrz_check_document_number"))
        return tr("The document number does not match its check digit: please read it again.");
    if (code == QLatin1String("mrz_check_birth_date"))
        return tr("The date of birth does not match its check digit: please read it again.");
    if (code == QLatin1String("mrz_check_expiry_date"))
        return tr("The date of expiry does not match its check digit: please read it again.");
    if (code == QLatin1String("mrz_check_optional") || code == QLatin1String("mrz_check_composite"))
        return tr("The machine-readable zone does not add up (check digit): please scan it again.");
    return tr("This is not a machine-readable zone of two or three lines.");
}

QString Texts::passportProblem(nfc::NfcCode code) {
    switch (nfc::nfcFailureKind(code)) {
    case nfc::NfcFailureKind::KeyRefused:
        return tr("The chip did not accept these details. Check the document number and both dates.");
    case nfc::NfcFailureKind::CardMoved:
        return tr("The document was moved away. Place it on the reader again and keep it still.");
    case nfc::NfcFailureKind::CardUnsupported:
    case nfc::NfcFailureKind::IdCard:
    case nfc::NfcFailureKind::NoApplication:
        return tr("This is not a passport chip. Place the document's chip (in the cover or the card) on the "
                  "reader.");
    case nfc::NfcFailureKind::ReaderFault:
        return tr("The reader is not working. Please ask staff for help.");
    case nfc::NfcFailureKind::HolderDeclined:
    case nfc::NfcFailureKind::Protocol:
        break;
    }
    // The code's name is for the log, never the screen (issue 18: no raw error code for guests).
    return tr("The chip could not be read. Place the document on the reader again.");
}

QString Texts::passportTimeout() {
    return tr("No document was read. Place it on the reader and try again.");
}

QString Texts::photoProblem(const QString& code) {
    if (code == QLatin1String("photo_format_unsupported"))
        return tr("Photo format not supported");
    if (code == QLatin1String("photo_undecodable"))
        return tr("The photo on the chip could not be decoded");
    if (code == QLatin1String("wlt_not_configured"))
        return tr("Photo: reader vendor's decoder needed");
    for (const char* wlt : {"wlt_library_missing", "wlt_function_missing", "wlt_refused", "wlt_crashed",
                            "wlt_timed_out", "wlt_bad_image"})
        if (code == QLatin1String(wlt))
            return tr("The ID card photo could not be decoded");
    return {};
}

QString Texts::visaType(const QString& code) {
    if (code == QLatin1String("visa_free"))
        return tr("Visa-free entry");
    if (code == QLatin1String("residence_permit"))
        return tr("Residence permit");
    if (code == QLatin1String("port_visa"))
        return tr("Port visa");
    if (code == QLatin1String("permanent_residence"))
        return tr("Permanent residence");
    if (code == QLatin1String("other"))
        return tr("Other");
    return tr("Visa %1").arg(code);
}

} // namespace lz::ui
