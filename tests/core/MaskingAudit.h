#pragma once
// Counts the GB 11643 numbers an output leaves possible for an identity (issue 14, finding 8): the
// test-side half of the masking rule (core/credential/Masking.h, docs/privacy.md). Worst case:
// the reader knows the holder's region code. What the text shows is read from the text itself —
// a masked or full number, the birth date or year anywhere in it, the age statement — so a new
// output form that leaks more is caught without knowing how it is built.
#include "credential/IdNumber.h"

#include <QDate>
#include <QRegularExpression>
#include <QString>

namespace lz::test {

inline constexpr int kMinimumCandidates = 10'000;

// Stops counting at `cap` (the rule needs kMinimumCandidates, not the exact figure).
inline int possibleNumbers(const QString& shown, const QString& number, QDate birth, bool male, bool adult,
                           QDate on, int cap = kMinimumCandidates) {
    // The number as shown: the full one, or an 18-character mask of it.
    QString visible(18, QLatin1Char('*'));
    if (shown.contains(number)) {
        visible = number;
    } else {
        static const QRegularExpression masked(QStringLiteral("[0-9X*]{18}"));
        for (auto it = masked.globalMatch(shown); it.hasNext();) {
            const QString m = it.next().captured();
            bool fits = true;
            for (int i = 0; i < 18; ++i)
                fits = fits && (m[i] == QLatin1Char('*') || m[i] == number[i]);
            if (fits)
                visible = m;
        }
    }
    // The birth date's possible range: the date, the year, or the age statement.
    QDate from = adult ? on.addYears(-120) : on.addYears(-18).addDays(1);
    QDate to = adult ? on.addYears(-18) : on;
    const QString iso = birth.toString(Qt::ISODate), compact = birth.toString(QStringLiteral("yyyyMMdd"));
    const QString chinese = birth.toString(QStringLiteral("yyyy年M月d日"));
    if (shown.contains(iso) || shown.contains(compact) || shown.contains(chinese)) {
        from = to = birth;
    } else if (QRegularExpression(QStringLiteral("(^|[^0-9])%1([^0-9]|$)").arg(birth.year()))
                   .match(shown)
                   .hasMatch()) {
        from = std::max(from, QDate(birth.year(), 1, 1));
        to = std::min(to, QDate(birth.year(), 12, 31));
    }
    int count = 0;
    const QString region = number.left(6);
    for (QDate d = from; d <= to && count < cap; d = d.addDays(1)) {
        const QString date = d.toString(QStringLiteral("yyyyMMdd"));
        bool fits = true;
        for (int i = 0; i < 8; ++i)
            fits = fits && (visible[6 + i] == QLatin1Char('*') || visible[6 + i] == date[i]);
        for (int i = 0; i < 6; ++i)
            fits = fits && (visible[i] == QLatin1Char('*') || visible[i] == region[i]);
        if (!fits)
            continue;
        for (int seq = male ? 1 : 0; seq < 1000 && count < cap; seq += 2) {
            const QString first17 = region + date + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
            const QString candidate = first17 + idnumber::checkCharacter(first17);
            bool match = true;
            for (int i = 14; i < 18 && match; ++i)
                match = visible[i] == QLatin1Char('*') || visible[i] == candidate[i];
            count += match;
        }
    }
    return count;
}

} // namespace lz::test
