#include "icao/MrzResolve.h"

#include <algorithm>
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

Expected<MrzReading, MrzError> resolveMrz(Mrz::Format format, const std::vector<MrzCell>& cells,
                                          const MrzResolveOptions& options) {
    const int lines = mrzLines(format), length = mrzLineLength(format);
    if (int(cells.size()) != lines * length)
        return resolveError("mrz_format", QStringLiteral("%1 positions, %2 expected").arg(cells.size()).arg(lines * length));

    // Each position's choices, best first: the allowed characters within delta of the best.
    std::vector<std::vector<char>> choices(cells.size());
    std::vector<int> open; // covered positions with more than one choice
    long long combinations = 1;
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
            choices[i] = {allowed.empty() ? (slot.allowed == Allowed::Letter ? 'P' : '<') : allowed.front().c};
            continue;
        }
        if (allowed.empty())
            return resolveError("mrz_unreadable", QStringLiteral("line %1 position %2: no reading").arg(i / length + 1).arg(i % length + 1));
        for (const MrzCandidate& c : allowed)
            if (c.score >= allowed.front().score - options.delta && int(choices[i].size()) < options.perCell &&
                std::find(choices[i].begin(), choices[i].end(), c.c) == choices[i].end())
                choices[i].push_back(c.c);
        if (choices[i].size() > 1) {
            open.push_back(i);
            combinations *= qsizetype(choices[i].size());
            if (combinations > options.maxCombinations)
                return resolveError("mrz_unreadable", QStringLiteral("more than %1 combinations").arg(options.maxCombinations));
        }
    }

    // Every combination of the open positions (an odometer over their choices), each through
    // parseMrz, the one judge of check digits and dates.
    QString text(lines * length + lines - 1, QLatin1Char('\n'));
    const auto at = [length](int i) { return i / length * (length + 1) + i % length; };
    for (int i = 0; i < int(cells.size()); ++i)
        text[at(i)] = QLatin1Char(choices[i].front());
    std::vector<size_t> digit(open.size(), 0);
    std::optional<MrzReading> found;
    std::optional<MrzError> firstError;
    int tried = 0;
    for (;;) {
        ++tried;
        auto parsed = parseMrz(text);
        if (parsed) {
            if (found)
                return resolveError("mrz_ambiguous", QStringLiteral("two readings pass every check digit"));
            found = MrzReading{std::move(*parsed), text, 0};
        } else if (!firstError) {
            firstError = parsed.error(); // the best-scoring combination's reason
        }
        size_t k = 0;
        for (; k < open.size(); ++k) {
            const int i = open[k];
            if (++digit[k] < choices[i].size()) {
                text[at(i)] = QLatin1Char(choices[i][digit[k]]);
                break;
            }
            digit[k] = 0;
            text[at(i)] = QLatin1Char(choices[i].front());
        }
        if (k == open.size())
            break;
    }
    if (!found)
        return unexpected(*firstError);
    found->combinations = tried;
    return std::move(*found);
}

} // namespace lz::icao
