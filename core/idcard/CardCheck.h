#pragma once
// What the terminal decides from a card's text. The SAM vouches that the text is the card's, so
// a card whose number disagrees with its own birth date or sex means a broken reader or a forged
// frame: a named refusal, never a guess. Judged here, in core, for every input path.
#include "credential/Identity.h"
#include "idcard/CardText.h"
#include "util/Expected.h"

#include <QDate>

namespace lz::idcard {

enum class CardProblem {
    Malformed,    // a date, the sex or the nation does not parse; a field a card must have is empty
    Inconsistent, // the number's check digit, or its birth date or sex against the card's fields
    Expired,      // valid-to before today
};
QString cardProblemName(CardProblem p); // "malformed", "document_inconsistent", "document_expired"

struct CardRefusal {
    CardProblem problem = CardProblem::Malformed;
    QString detail; // which field, never its value
};

// The card's holder as the terminal registers them. `today` in the venue's time zone.
Expected<Identity, CardRefusal> identityOf(const CardText& card, const QDate& today);

} // namespace lz::idcard
