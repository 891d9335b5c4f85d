#include "credential/Masking.h"

namespace lz::masking {

QString documentNumber(QStringView number) {
    if (number.size() == 18) // GB 11643: resident ID, residence permits (81/82/83), foreigner (9…)
        return number.left(2).toString() + QString(14, QLatin1Char('*')) + number.right(2).toString();
    if (number.size() <= 8)
        return QString(number.size(), QLatin1Char('*'));
    // At most a quarter shown at each end: a 9-character passport number keeps 2 + 2.
    const qsizetype keep = qMin<qsizetype>(4, number.size() / 4);
    return number.left(keep).toString() + QString(number.size() - 2 * keep, QLatin1Char('*')) +
           number.right(keep).toString();
}

QString name(const QString& name) {
    return maskName(name);
}

bool isAdult(QDate birth, QDate on) {
    if (!birth.isValid() || !on.isValid())
        return false;
    // QDate::addYears moves 29 February to 28 February; the law counts the day after instead.
    QDate eighteenth = birth.addYears(kAdultAge);
    if (birth.month() == 2 && birth.day() == 29 && !QDate::isLeapYear(eighteenth.year()))
        eighteenth = QDate(eighteenth.year(), 3, 1);
    return on >= eighteenth;
}

} // namespace lz::masking
