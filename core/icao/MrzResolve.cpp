#include "icao/MrzResolve.h"

#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <functional>
#include <optional>

namespace lz::icao {

namespace {

// What a position may hold (ICAO 9303 Parts 4–6, the field tables) and whether a check digit
// covers it.
enum class Allowed { Letter, LetterOrFiller, Digit, DigitOrFiller, Any, Sex };
struct Slot {
    Allowed allowed;
    bool covered;
};

bool allows(Allowed a, char c) {
    const bool letter = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9', filler = c == '<';
    switch (a) {
    case Allowed::Letter:
        return letter;
    case Allowed::LetterOrFiller:
        return letter || filler;
    case Allowed::Digit:
        return digit;
    case Allowed::DigitOrFiller:
        return digit || filler;
    case Allowed::Any:
        return letter || digit || filler;
    case Allowed::Sex:
        return c == 'M' || c == 'F' || c == 'X' || filler;
    }
    return false;
}

// The code, issuing state and name line (TD2/TD3 line 1, TD1 line 3 from position 0 with no code).
Slot nameLine(int pos, bool hasCode) {
    if (hasCode && pos == 0)
        return {Allowed::Letter, false};
    return {Allowed::LetterOrFiller, false};
}

// TD2/TD3 line 2: number 0–8 + check 9, nationality 10–12, birth 13–18 + 19, sex 20,
// expiry 21–26 + 27, optional data from 28, (TD3: its check 42,) the composite last.
Slot td23Line2(int pos, int length) {
    if (pos <= 8)
        return {Allowed::Any, true};
    if (pos == 9)
        return {Allowed::Digit, true};
    if (pos <= 12)
        return {Allowed::LetterOrFiller, false};
    if (pos <= 19)
        return {Allowed::Digit, true};
    if (pos == 20)
        return {Allowed::Sex, false};
    if (pos <= 27)
        return {Allowed::Digit, true};
    if (pos == length - 1)
        return {Allowed::Digit, true};
    if (length == 44 && pos == 42)
        return {Allowed::DigitOrFiller, true}; // '<' when the personal number is empty
    return {Allowed::Any, true};
}

// TD1 line 1: code 0–1, state 2–4, number 5–13 + check 14 ('<' for a long number), optional
// 15–29. Line 2: birth 0–5 + 6, sex 7, expiry 8–13 + 14, nationality 15–17, optional 18–28,
// composite 29.
Slot td1(int line, int pos) {
    if (line == 0) {
        if (pos <= 4)
            return nameLine(pos, true);
        if (pos == 14)
            return {Allowed::DigitOrFiller, true};
        return {Allowed::Any, true};
    }
    if (line == 1) {
        if (pos <= 6 || (pos >= 8 && pos <= 14) || pos == 29)
            return {Allowed::Digit, true};
        if (pos == 7)
            return {Allowed::Sex, false};
        if (pos <= 17)
            return {Allowed::LetterOrFiller, false};
        return {Allowed::Any, true};
    }
    return nameLine(pos, false);
}

Slot slotOf(Mrz::Format format, int line, int pos) {
    if (format == Mrz::Format::TD1)
        return td1(line, pos);
    if (line == 0)
        return nameLine(pos, true);
    return td23Line2(pos, mrzLineLength(format));
}

Unexpected<MrzError> resolveError(const char* code, QString detail) {
    return unexpected(MrzError{QString::fromLatin1(code), std::move(detail)});
}

} // namespace

int mrzLines(Mrz::Format format) {
    return format == Mrz::Format::TD1 ? 3 : 2;
}

int mrzLineLength(Mrz::Format format) {
    switch (format) {
    case Mrz::Format::TD1:
        return 30;
    case Mrz::Format::TD2:
        return 36;
    case Mrz::Format::TD3:
        return 44;
    }
    return 0;
}

namespace {

// Where the access key's three fields and their check digits are, as cell indexes.
struct KeyField {
    int from, length, check;
    const char* checkError; // parseMrz's name for this check digit failing
    bool date;
};
std::array<KeyField, 3> keyFields(Mrz::Format format) {
    const int l = mrzLineLength(format);
    if (format == Mrz::Format::TD1)
        return {KeyField{5, 9, 14, "mrz_check_document_number", false},
                KeyField{l + 0, 6, l + 6, "mrz_check_birth_date", true},
                KeyField{l + 8, 6, l + 14, "mrz_check_expiry_date", true}};
    return {KeyField{l + 0, 9, l + 9, "mrz_check_document_number", false},
            KeyField{l + 13, 6, l + 19, "mrz_check_birth_date", true},
            KeyField{l + 21, 6, l + 27, "mrz_check_expiry_date", true}};
}

// Calls visit(text) for every combination of the open positions' choices (an odometer).
template <typename Visit>
void eachCombination(QString& text, const std::vector<int>& open,
                     const std::vector<std::vector<char>>& choices, const std::function<int(int)>& at,
                     Visit visit) {
    std::vector<size_t> digit(open.size(), 0);
    for (;;) {
        if (!visit(text))
            return;
        size_t k = 0;
        for (; k < open.size(); ++k) {
            const int i = open[k];
            if (++digit[k] < choices[size_t(i)].size()) {
                text[at(i)] = QLatin1Char(choices[size_t(i)][digit[k]]);
                break;
            }
            digit[k] = 0;
            text[at(i)] = QLatin1Char(choices[size_t(i)].front());
        }
        if (k == open.size())
            return;
    }
}

// The key alone, each field by its own check digit: for when a position outside the key (the
// optional data, the composite) cannot be read — a reflection over the fillers, say.
Expected<MrzReading, MrzError> resolveKey(Mrz::Format format, const std::vector<std::vector<char>>& choices,
                                          const MrzResolveOptions& options) {
    MrzReading r{};
    r.mrz.format = format;
    r.keyOnly = true;
    r.combinations = 0;
    QString values[3];
    const auto fields = keyFields(format);
    // A TD1 number longer than 9 characters continues in the optional data ('<' where its check
    // digit would be): not a key this path can read.
    const auto& numberCheck = choices[size_t(fields[0].check)];
    if (format == Mrz::Format::TD1 &&
        std::find(numberCheck.begin(), numberCheck.end(), '<') != numberCheck.end())
        return resolveError("mrz_unreadable", QStringLiteral("a long document number"));
    for (size_t f = 0; f < fields.size(); ++f) {
        const KeyField& k = fields[f];
        std::vector<int> open;
        QString text(k.length + 1, QLatin1Char('<'));
        long long combinations = 1;
        for (int j = 0; j <= k.length; ++j) {
            const int cell = j < k.length ? k.from + j : k.check;
            if (choices[size_t(cell)].empty())
                return resolveError("mrz_unreadable", QStringLiteral("a key position has no reading"));
            text[j] = QLatin1Char(choices[size_t(cell)].front());
            if (choices[size_t(cell)].size() > 1) {
                open.push_back(cell);
                if (combinations <= options.maxCombinations)
                    combinations *= qsizetype(choices[size_t(cell)].size());
            }
        }
        if (combinations > options.maxCombinations)
            return resolveError("mrz_unreadable", QStringLiteral("too many combinations"));
        const auto at = [&k](int cell) { return cell == k.check ? k.length : cell - k.from; };
        int passing = 0;
        QString found;
        static const QRegularExpression number(QStringLiteral("^[A-Z0-9]+<*$"));
        eachCombination(text, open, choices, at, [&](const QString& t) {
            ++r.combinations;
            const QString value = t.left(k.length);
            const bool ok = t[k.length] == QLatin1Char(char('0' + std::max(0, checkDigit(value)))) &&
                            (k.date ? isMrzDate(value) : number.match(value).hasMatch());
            if (ok && ++passing == 1)
                found = value;
            return passing < 2;
        });
        if (passing == 0)
            return resolveError(k.checkError, {});
        if (passing > 1)
            return resolveError("mrz_ambiguous",
                                QStringLiteral("two readings of a key field pass its check digit"));
        values[f] = found;
    }
    QString number = values[0];
    while (number.endsWith(QLatin1Char('<')))
        number.chop(1);
    r.mrz.key = MrzKey{number, values[1], values[2]};
    return r;
}

} // namespace

Expected<MrzReading, MrzError> resolveMrz(Mrz::Format format, const std::vector<MrzCell>& cells,
                                          const MrzResolveOptions& options) {
    const int lines = mrzLines(format), length = mrzLineLength(format);
    if (int(cells.size()) != lines * length)
        return resolveError(
            "mrz_format", QStringLiteral("%1 positions, %2 expected").arg(cells.size()).arg(lines * length));

    // Each position's choices, best first: the allowed characters within delta of the best.
    std::vector<std::vector<char>> choices(cells.size());
    std::vector<int> open; // covered positions with more than one choice
    long long combinations = 1;
    bool unreadable = false;
    for (int i = 0; i < int(cells.size()); ++i) {
        const Slot slot = slotOf(format, i / length, i % length);
        MrzCell allowed;
        for (const MrzCandidate& c : cells[i])
            if (allows(slot.allowed, c.c) && c.score >= options.minScore)
                allowed.push_back(c);
        std::sort(allowed.begin(), allowed.end(),
                  [](const MrzCandidate& a, const MrzCandidate& b) { return a.score > b.score; });
        if (!slot.covered) {
            // Nothing checks it: the best allowed reading, or a filler where nothing fits.
            choices[i] = {allowed.empty() ? (slot.allowed == Allowed::Letter ? 'P' : '<')
                                          : allowed.front().c};
            continue;
        }
        if (allowed.empty()) {
            unreadable = true; // no reading of a covered position: perhaps still the key alone
            continue;
        }
        // The candidates within delta of the best, and then any scoring within lookAlikeDelta of
        // one of those with the same check value (S/8, K/<: no check digit can tell them apart,
        // so only a clear margin may). A position with more such choices than perCell is not
        // trimmed — trimming could drop the look-alike — but has no reading.
        std::vector<MrzCandidate> kept;
        for (const MrzCandidate& c : allowed)
            if (allowed.front().score - c.score <= options.delta)
                kept.push_back(c);
        for (size_t k = 0; k < kept.size(); ++k) {
            const int value = checkDigit(QString(QLatin1Char(kept[k].c)));
            for (const MrzCandidate& c : allowed)
                if (kept[k].score - c.score <= options.lookAlikeDelta &&
                    checkDigit(QString(QLatin1Char(c.c))) == value &&
                    std::none_of(kept.begin(), kept.end(),
                                 [&c](const MrzCandidate& x) { return x.c == c.c; }))
                    kept.push_back(c);
        }
        if (int(kept.size()) > options.perCell) {
            unreadable = true;
            continue;
        }
        for (const MrzCandidate& c : kept)
            choices[size_t(i)].push_back(c.c);
        if (choices[size_t(i)].size() > 1) {
            open.push_back(i);
            // Saturating: a product over 40-odd positions overflows long long.
            if (combinations <= options.maxCombinations)
                combinations *= qsizetype(choices[size_t(i)].size());
        }
    }
    if (unreadable || combinations > options.maxCombinations) {
        auto key = resolveKey(format, choices, options);
        if (!key && key.error().code == QLatin1String("mrz_unreadable"))
            return resolveError(
                "mrz_unreadable",
                unreadable ? QStringLiteral("a position has no reading")
                           : QStringLiteral("more than %1 combinations").arg(options.maxCombinations));
        return key;
    }

    // Every combination of the open positions, each through parseMrz, the one judge of check
    // digits and dates. Several passing readings are fine when they agree on the key (two O/0
    // in the optional data can compensate each other); readings with different keys are not.
    QString text(lines * length + lines - 1, QLatin1Char('\n'));
    const std::function<int(int)> at = [length](int i) { return i / length * (length + 1) + i % length; };
    for (int i = 0; i < int(cells.size()); ++i)
        text[at(i)] = QLatin1Char(choices[size_t(i)].front());
    std::optional<MrzReading> found;
    std::optional<MrzError> firstError;
    bool differentKeys = false, severalTexts = false;
    int tried = 0;
    eachCombination(text, open, choices, at, [&](const QString& t) {
        ++tried;
        auto parsed = parseMrz(t);
        if (parsed) {
            if (!found) {
                found = MrzReading{std::move(*parsed), t, 0, false};
            } else {
                severalTexts = true;
                const MrzKey& a = found->mrz.key;
                const MrzKey& b = parsed->key;
                differentKeys = differentKeys || a.documentNumber != b.documentNumber ||
                                a.birthDate != b.birthDate || a.expiryDate != b.expiryDate;
            }
        } else if (!firstError) {
            firstError = parsed.error(); // the best-scoring combination's reason
        }
        return !differentKeys;
    });
    if (differentKeys)
        return resolveError("mrz_ambiguous", QStringLiteral("two readings pass every check digit"));
    if (!found)
        return unexpected(*firstError);
    found->combinations = tried;
    if (severalTexts) {
        // The key is certain, the rest of the text is not: only the key is given.
        found->keyOnly = true;
        found->text.clear();
    }
    return std::move(*found);
}

} // namespace lz::icao
