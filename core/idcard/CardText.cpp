#include "idcard/CardText.h"

#include <QtEndian>

namespace lz::idcard {
namespace {

// One field: byte offset and length in the block (UCS-2LE, two bytes a character).
struct Span {
    int offset, size;
};

// A field's characters, padding (spaces, NULs) trimmed; nullopt when it holds a character no
// card text has.
std::optional<QString> field(const QByteArray& block, Span s) {
    QString out;
    out.reserve(s.size / 2);
    for (int i = s.offset; i + 1 < s.offset + s.size; i += 2) {
        out.append(QChar(qFromLittleEndian<quint16>(block.constData() + i)));
    }
    // Padding is spaces on every card seen; NULs are tolerated at the end only.
    while (!out.isEmpty() && (out.back() == QLatin1Char(' ') || out.back() == QChar(0)))
        out.chop(1);
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0))
            return std::nullopt;
        if (c.isHighSurrogate()) {
            if (i + 1 >= out.size() || !out.at(i + 1).isLowSurrogate())
                return std::nullopt;
            ++i;
        } else if (c.isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

const QList<CardField>& cardLayout(CardType t) {
    // Resident card (GA/T 490) and the J permit: the same fields, the permit with two more.
    static const QList<CardField> resident{
        {&CardText::name, 0, 30},     {&CardText::sex, 30, 2},         {&CardText::nation, 32, 4},
        {&CardText::birth, 36, 16},   {&CardText::address, 52, 70},    {&CardText::number, 122, 36},
        {&CardText::issuer, 158, 30}, {&CardText::validFrom, 188, 16}, {&CardText::validTo, 204, 16}};
    static const QList<CardField> permit =
        resident + QList<CardField>{{&CardText::passNumber, 220, 18}, {&CardText::issueCount, 238, 4}};
    static const QList<CardField> foreignerOld{
        {&CardText::nameLatin, 0, 120},   {&CardText::sex, 120, 2},    {&CardText::number, 122, 30},
        {&CardText::nationality, 152, 6}, {&CardText::name, 158, 30},  {&CardText::validFrom, 188, 16},
        {&CardText::validTo, 204, 16},    {&CardText::birth, 220, 16}, {&CardText::version, 236, 4},
        {&CardText::issuer, 240, 8}}; // the issuing authority's code
    static const QList<CardField> foreigner2023{
        {&CardText::name, 0, 30},      {&CardText::sex, 30, 2},          {&CardText::issueCount, 32, 4},
        {&CardText::birth, 36, 16},    {&CardText::number, 122, 36},     {&CardText::validFrom, 188, 16},
        {&CardText::validTo, 204, 16}, {&CardText::nationality, 242, 6}, {&CardText::oldNumber, 250, 6}};
    switch (t) {
    case CardType::Resident:
        return resident;
    case CardType::ResidencePermit:
        return permit;
    case CardType::ForeignerOld:
        return foreignerOld;
    case CardType::Foreigner2023:
        return foreigner2023;
    }
    return resident;
}

char cardTypeCharacter(CardType t) {
    switch (t) {
    case CardType::Resident:
        return ' ';
    case CardType::ResidencePermit:
        return 'J';
    case CardType::ForeignerOld:
        return 'I';
    case CardType::Foreigner2023:
        return 'Y';
    }
    return ' ';
}

QString cardTypeName(CardType t) {
    switch (t) {
    case CardType::Resident:
        return QStringLiteral("resident");
    case CardType::ResidencePermit:
        return QStringLiteral("residence_permit");
    case CardType::ForeignerOld:
        return QStringLiteral("foreigner_old");
    case CardType::Foreigner2023:
        return QStringLiteral("foreigner_2023");
    }
    return {};
}

CardType cardTypeOf(const QByteArray& block) {
    // The type character (GA/T 490 and its 2017/2023 additions): J, I, Y; anything else, the
    // resident card (whose byte 248 is a space).
    if (block.size() < kTypeOffset + 2 || block.at(kTypeOffset + 1) != 0)
        return CardType::Resident;
    switch (block.at(kTypeOffset)) {
    case 'J':
        return CardType::ResidencePermit;
    case 'I':
        return CardType::ForeignerOld;
    case 'Y':
        return CardType::Foreigner2023;
    default:
        return CardType::Resident;
    }
}

Expected<CardText> parseTextBlock(const QByteArray& block) {
    if (block.size() != kTextBlockSize)
        return unexpected(
            QStringLiteral("text block of %1 bytes, not %2").arg(block.size()).arg(kTextBlockSize));
    CardText t;
    t.type = cardTypeOf(block);
    bool ok = true;
    auto read = [&](QString& into, Span s) {
        if (auto v = field(block, s))
            into = *v;
        else
            ok = false;
    };
    for (const CardField& f : cardLayout(t.type))
        read(t.*f.member, {f.offset, f.size});
    if (t.type == CardType::Foreigner2023) {
        QString first, rest;
        read(first, {kForeignNameY.firstOffset, kForeignNameY.firstSize});
        read(rest, {kForeignNameY.restOffset, kForeignNameY.restSize});
        t.nameLatin = rest.isEmpty()
                          ? first
                          : first.leftJustified(kForeignNameY.firstSize / 2, QLatin1Char(' ')) + rest;
    }
    if (!ok)
        return unexpected(
            QStringLiteral("a %1 card's text holds characters no card has").arg(cardTypeName(t.type)));
    return t;
}

Expected<QString> parseNewAddress(const QByteArray& data) {
    if (data.size() != kNewAddressSize)
        return unexpected(
            QStringLiteral("new address of %1 bytes, not %2").arg(data.size()).arg(kNewAddressSize));
    auto address = field(data, {0, kNewAddressSize});
    if (!address || address->isEmpty())
        return unexpected(QStringLiteral("the new address holds characters no card has"));
    return *address;
}

Expected<ReadBlocks> parseReadAnswer(const QByteArray& data, bool withFingerprint) {
    const int header = withFingerprint ? 6 : 4;
    if (data.size() < header)
        return unexpected(QStringLiteral("read answer of %1 bytes has no block lengths").arg(data.size()));
    const auto* p = reinterpret_cast<const uchar*>(data.constData());
    const int textLength = qFromBigEndian<quint16>(p);
    const int photoLength = qFromBigEndian<quint16>(p + 2);
    const int fingerprintLength = withFingerprint ? qFromBigEndian<quint16>(p + 4) : 0;
    if (textLength != kTextBlockSize || photoLength != kPhotoBlockSize)
        return unexpected(
            QStringLiteral("read answer announces a %1-byte text and a %2-byte photo, not %3 and %4")
                .arg(textLength)
                .arg(photoLength)
                .arg(kTextBlockSize)
                .arg(kPhotoBlockSize));
    if (fingerprintLength != 0 && fingerprintLength != 1024)
        return unexpected(
            QStringLiteral("read answer announces a %1-byte fingerprint block").arg(fingerprintLength));
    if (data.size() != header + textLength + photoLength + fingerprintLength)
        return unexpected(QStringLiteral("read answer of %1 bytes, announced %2")
                              .arg(data.size())
                              .arg(header + textLength + photoLength + fingerprintLength));
    ReadBlocks b;
    b.text = data.mid(header, textLength);
    b.photo = data.mid(header + textLength, photoLength);
    b.fingerprint = data.mid(header + textLength + photoLength, fingerprintLength);
    return b;
}

} // namespace lz::idcard
