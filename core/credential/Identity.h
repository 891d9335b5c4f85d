#pragma once
// The identity a credential asserts: the document claims of docs/credential-format.md.
#include <QDate>
#include <QString>
#include <optional>

namespace lz {

enum class DocumentKind {
    ResidentId = 1,                  // 居民身份电子凭证 (resident ID e-credential)
    ResidencePermit = 2,             // 港澳台居民居住证
    ForeignerPermanentResidence = 3, // 外国人永久居留身份证
    TravelPermit = 4,                // 港澳/台湾居民来往内地通行证
    // Read from an ICAO 9303 chip (never in a QR credential): document code P…, and every other
    // machine-readable travel document (往来港澳通行证, 往来台湾通行证, identity cards with a chip).
    Passport = 5,
    TravelDocument = 6,
};
enum class CredentialLevel { Light = 1, Full = 2 }; // 轻量版 / 升级版
// GB/T 2261.1 codes; "unspecified" (9) only from a travel document whose MRZ says '<' or 'X'.
enum class Sex { Male = 1, Female = 2, Unspecified = 9 };

struct Identity {
    DocumentKind kind = DocumentKind::ResidentId;
    CredentialLevel level = CredentialLevel::Light;
    QString name;
    QString nameLatin; // optional, foreigners and travel permits
    Sex sex = Sex::Male;
    int ethnicity = 0; // GB/T 3304 code (1..56, 97, 98); 0 = not applicable
    QDate birthDate;
    QString documentNumber; // ID number (GB 11643) or permit number
    QString address;        // full level only
    // Travel documents (Passport, TravelDocument): ICAO 9303 three-letter codes and the expiry.
    QString nationality, issuingState;
    QDate expiryDate;

    bool operator==(const Identity&) const = default;
};

// Read from an ICAO 9303 chip: no GB 11643 number, no ethnicity, a nationality instead.
inline bool isTravelDocument(DocumentKind kind) {
    return kind == DocumentKind::Passport || kind == DocumentKind::TravelDocument;
}
QString documentKindName(DocumentKind kind); // stable machine names: "resident_id", ...
std::optional<DocumentKind> documentKindFromName(const QString& name);
QString levelName(CredentialLevel level); // "light" / "full"
std::optional<CredentialLevel> levelFromName(const QString& name);
QString sexName(Sex sex); // "male" / "female"
std::optional<Sex> sexFromName(const QString& name);
QString ethnicityName(int code); // Chinese name per GB/T 3304, empty if unknown
bool validEthnicity(int code);
// "张*" / "张*明": the surname and the last character stay, for the CLI and logs of the venue.
QString maskName(const QString& name);

} // namespace lz
