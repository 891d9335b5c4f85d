#include "idcard/CardCheck.h"

#include "credential/IdNumber.h"

#include <QRegularExpression>

namespace lz::idcard {
namespace {

Unexpected<CardRefusal> refuse(CardProblem p, QString detail) {
    return Unexpected<CardRefusal>{CardRefusal{p, std::move(detail)}};
}

QDate date(const QString& s) {
    if (s.size() != 8)
        return {};
    return QDate::fromString(s, QStringLiteral("yyyyMMdd"));
}

// The old foreigner card's number: three letters (nationality) and twelve digits.
bool oldForeignerNumber(const QString& n) {
    static const QRegularExpression re(QStringLiteral("^[A-Z]{3}[0-9]{12}$"));
    return re.match(n).hasMatch();
}

bool latinLetters(const QString& s) {
    static const QRegularExpression re(QStringLiteral("^[A-Z]{3}$"));
    return re.match(s).hasMatch();
}

} // namespace

QString cardProblemName(CardProblem p) {
    switch (p) {
    case CardProblem::Malformed:
        return QStringLiteral("malformed");
    case CardProblem::Inconsistent:
        return QStringLiteral("document_inconsistent");
    case CardProblem::Expired:
        return QStringLiteral("document_expired");
    }
    return {};
}

Expected<Identity, CardRefusal> identityOf(const CardText& card, const QDate& today) {
    Identity id;
    id.level = CredentialLevel::Full; // everything the card holds is read
    switch (card.type) {
    case CardType::Resident:
        id.kind = DocumentKind::ResidentId;
        break;
    case CardType::ResidencePermit:
        id.kind = DocumentKind::ResidencePermit;
        break;
    case CardType::ForeignerOld:
    case CardType::Foreigner2023:
        id.kind = DocumentKind::ForeignerPermanentResidence;
        break;
    }
    const bool foreigner = id.kind == DocumentKind::ForeignerPermanentResidence;
    id.name = card.name;
    id.nameLatin = card.nameLatin;
    id.documentNumber = card.number;
    id.address = card.address;
    id.nationality = card.nationality;
    if (id.name.isEmpty() && id.nameLatin.isEmpty())
        return refuse(CardProblem::Malformed, QStringLiteral("no name"));

    // Sex: GB/T 2261.1 (1 male, 2 female; 0 unknown, 9 not stated).
    if (card.sex == QLatin1String("1"))
        id.sex = Sex::Male;
    else if (card.sex == QLatin1String("2"))
        id.sex = Sex::Female;
    else if (card.sex == QLatin1String("0") || card.sex == QLatin1String("9"))
        id.sex = Sex::Unspecified;
    else
        return refuse(CardProblem::Malformed, QStringLiteral("sex code"));

    id.birthDate = date(card.birth);
    if (!id.birthDate.isValid() || id.birthDate.year() < 1880 || id.birthDate > today)
        return refuse(CardProblem::Malformed, QStringLiteral("birth date"));

    if (card.type == CardType::Resident) {
        bool ok = false;
        id.ethnicity = card.nation.toInt(&ok);
        if (!ok || card.nation.size() != 2 || !validEthnicity(id.ethnicity))
            return refuse(CardProblem::Malformed, QStringLiteral("nation code"));
        if (id.address.isEmpty())
            return refuse(CardProblem::Malformed, QStringLiteral("no address"));
    }
    if (foreigner && !latinLetters(id.nationality))
        return refuse(CardProblem::Malformed, QStringLiteral("nationality"));

    // The number against the card's own fields.
    if (card.type == CardType::ForeignerOld) {
        if (!oldForeignerNumber(card.number))
            return refuse(CardProblem::Inconsistent, QStringLiteral("number is not 3 letters and 12 digits"));
        if (card.number.left(3) != card.nationality)
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("number's nationality differs from the card's"));
        // Characters 6..11 are the birth date as YYMMDD (after nationality and province).
        if (card.number.mid(5, 6) != id.birthDate.toString(QStringLiteral("yyMMdd")))
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("number's birth date differs from the card's"));
    } else {
        auto parsed = idnumber::parse(card.number);
        if (!parsed)
            return refuse(CardProblem::Inconsistent, parsed.error());
        if (parsed->birthDate != id.birthDate)
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("number's birth date differs from the card's"));
        if (id.sex == Sex::Unspecified || parsed->male != (id.sex == Sex::Male))
            return refuse(CardProblem::Inconsistent, QStringLiteral("number's sex differs from the card's"));
        const QChar first = card.number.at(0);
        const QStringView province = QStringView(card.number).left(2);
        if (card.type == CardType::Foreigner2023 && first != QLatin1Char('9'))
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("a 2023 foreigner card's number begins with 9"));
        if (card.type == CardType::ResidencePermit && province != u"81" && province != u"82" &&
            province != u"83")
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("a residence permit's number begins with 81, 82 or 83"));
        if (card.type == CardType::Resident &&
            (first == QLatin1Char('9') || province == u"81" || province == u"82" || province == u"83"))
            return refuse(CardProblem::Inconsistent,
                          QStringLiteral("a resident card's number is a permit's"));
    }

    const QDate from = date(card.validFrom);
    if (!from.isValid())
        return refuse(CardProblem::Malformed, QStringLiteral("valid-from date"));
    if (card.validTo == QStringLiteral("长期")) {
        id.expiryDate = QDate(); // long-term
    } else {
        id.expiryDate = date(card.validTo);
        if (!id.expiryDate.isValid() || id.expiryDate < from)
            return refuse(CardProblem::Malformed, QStringLiteral("valid-to date"));
        if (id.expiryDate < today)
            return refuse(CardProblem::Expired, QStringLiteral("the valid-to date has passed"));
    }
    if (from > today)
        return refuse(CardProblem::Malformed, QStringLiteral("valid-from date is in the future"));
    return id;
}

} // namespace lz::idcard
