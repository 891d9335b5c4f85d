#pragma once
// The 256-byte text block a SAM returns for a card (UCS-2LE, fields padded with spaces), for the
// four kinds of card it reads; which kind is the character at byte 248 (docs/id-card-reader.md
// has the layouts and their sources). The fields are kept as the card has them: judging them
// (the number's check digit, dates, expiry) is the verifier's (idcard/CardCheck.h).
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lz::idcard {

inline constexpr int kTextBlockSize = 256;
inline constexpr int kPhotoBlockSize = 1024;
inline constexpr int kTypeOffset = 248;

enum class CardType {
    Resident,        // 居民身份证 (no type character)
    ResidencePermit, // 'J' 港澳台居民居住证
    ForeignerOld,    // 'I' 外国人永久居留证 (before 2023)
    Foreigner2023,   // 'Y' 外国人永久居留身份证 (2023)
};
QString cardTypeName(CardType t); // "resident", "residence_permit", "foreigner_old", "foreigner_2023"

struct CardText {
    CardType type = CardType::Resident;
    QString name;        // the Chinese name (the old foreigner card: may be empty)
    QString nameLatin;   // the foreign-language name (I, Y cards)
    QString sex;         // "1" male, "2" female, "0" unknown, "9" not stated
    QString nation;      // resident and J cards: GB/T 3304 code, two digits
    QString birth;       // YYYYMMDD
    QString address;     // resident and J cards
    QString number;      // GB 11643 number; the old foreigner card: 3 letters + 12 digits
    QString issuer;      // the issuing authority (the old foreigner card: its code)
    QString validFrom;   // YYYYMMDD
    QString validTo;     // YYYYMMDD, or 长期 (long-term)
    QString passNumber;  // J: the 通行证 number
    QString issueCount;  // J: times the permit was issued; Y: renewals
    QString nationality; // I, Y: GB/T 2659 three letters
    QString version;     // I: the card version
    QString oldNumber;   // Y: the number of the card this one replaces
};

// Where a field of a card kind lies in the block: byte offset and length (UCS-2LE). The one
// statement of the layouts (docs/id-card-reader.md), read by the parser and the emulator's writer.
struct CardField {
    QString CardText::*member;
    int offset, size;
};
const QList<CardField>& cardLayout(CardType t);
// The 2023 card's foreign-language name is in two places: 35 characters at 52, 11 more at 220.
struct SplitField {
    int firstOffset, firstSize, restOffset, restSize;
};
inline constexpr SplitField kForeignNameY{52, 70, 220, 22};
char cardTypeCharacter(CardType t); // 'J', 'I', 'Y'; ' ' for the resident card

// The card kind of a 256-byte block, from its type character alone (the resident card for any
// other): for a reader that needs the kind before, or without, parsing the whole block.
CardType cardTypeOf(const QByteArray& block);

// Parses a text block. Fails (a named detail, never the block's contents) when it is not 256
// bytes or a field holds characters no card has (control characters, unpaired surrogates).
Expected<CardText> parseTextBlock(const QByteArray& block);

// The answer of 30 03 (the latest address endorsed on the card, 70 bytes UCS-2LE): the address,
// or an error for data that is not one.
inline constexpr int kNewAddressSize = 70;
Expected<QString> parseNewAddress(const QByteArray& data);

// The data of a 30 01 / 30 10 answer: text length, photo length (2 bytes each, big-endian),
// [fingerprint length], then the blocks.
struct ReadBlocks {
    QByteArray text, photo, fingerprint;
};
Expected<ReadBlocks> parseReadAnswer(const QByteArray& data, bool withFingerprint = false);

} // namespace lz::idcard
