#include "icao/Mrz.h"

#include <QDate>
#include <QRegularExpression>

namespace lz::icao {

namespace {
Unexpected<MrzError> mrzError(const char* code, QString detail = {}) {
    return unexpected(MrzError{QString::fromLatin1(code), std::move(detail)});
}

QString name(QStringView field) {
    QString s = field.toString();
    s.replace(QLatin1Char('<'), QLatin1Char(' '));
    return s.simplified();
}

QString unfilled(QStringView field) {
    QString s = field.toString();
    while (s.endsWith(QLatin1Char('<')))
        s.chop(1);
    return s;
}

bool digitMatches(QStringView field, QChar digit) {
    const int d = checkDigit(field);
    return d >= 0 && digit == QLatin1Char(char('0' + d));
}

// Birth date, its check digit, sex, expiry date, its check digit: the same run in TD1's second
// line (from 0) and TD3's (from 13). Empty when both digits match, else the named error.
const char* readDatesAndSex(Mrz& m, const QString& line, int from) {
    m.key.birthDate = line.mid(from, 6);
    if (!digitMatches(m.key.birthDate, line[from + 6]))
        return "mrz_check_birth_date";
    m.sex = line.mid(from + 7, 1);
    m.key.expiryDate = line.mid(from + 8, 6);
    if (!digitMatches(m.key.expiryDate, line[from + 14]))
        return "mrz_check_expiry_date";
    return nullptr;
}

// "SURNAME<<GIVEN<NAMES": split at the first "<<".
void readNames(Mrz& m, QStringView field) {
    const qsizetype split = field.indexOf(QLatin1String("<<"));
    m.surname = name(split < 0 ? field : field.left(split));
    m.givenNames = split < 0 ? QString() : name(field.mid(split + 2));
}
} // namespace

bool isMrzDate(const QString& yymmdd) {
    if (yymmdd.size() != 6)
        return false;
    bool ok = false;
    yymmdd.toInt(&ok);
    // The century is unknown here; any century makes the same valid days except 29 February,
    // which 2000 (a leap year) accepts.
    return ok &&
           QDate(2000 + yymmdd.left(2).toInt(), yymmdd.mid(2, 2).toInt(), yymmdd.mid(4, 2).toInt()).isValid();
}

int checkDigit(QStringView field) {
    static constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field[i];
        int v;
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            v = c.unicode() - '0';
        else if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            v = c.unicode() - 'A' + 10;
        else if (c == QLatin1Char('<'))
            v = 0;
        else
            return -1;
        sum += v * kWeights[i % 3];
    }
    return sum % 10;
}

Expected<MrzKey, MrzError> MrzKey::fromFields(QString number, QString birth, QString expiry) {
    number = number.toUpper().remove(QLatin1Char(' ')).remove(QLatin1Char('<'));
    birth = birth.trimmed();
    expiry = expiry.trimmed();
    static const QRegularExpression numberChars(QStringLiteral("^[A-Z0-9]{1,22}$"));
    if (!numberChars.match(number).hasMatch())
        return mrzError("mrz_document_number", QStringLiteral("1 to 22 letters and digits"));
    if (!isMrzDate(birth))
        return mrzError("mrz_birth_date", QStringLiteral("YYMMDD expected"));
    if (!isMrzDate(expiry))
        return mrzError("mrz_expiry_date", QStringLiteral("YYMMDD expected"));
    return MrzKey{number, birth, expiry};
}

QByteArray MrzKey::information() const {
    QString n = documentNumber;
    while (n.size() < 9)
        n += QLatin1Char('<');
    const auto withDigit = [](const QString& f) { return f + QChar(char('0' + checkDigit(f))); };
    return (withDigit(n) + withDigit(birthDate) + withDigit(expiryDate)).toLatin1();
}

Expected<Mrz, MrzError> parseMrz(QStringView text) {
    QString all;
    for (QChar c : text)
        if (!c.isSpace())
            all += c.toUpper();
    static const QRegularExpression chars(QStringLiteral("^[A-Z0-9<]+$"));
    if (!chars.match(all).hasMatch())
        return mrzError("mrz_format", QStringLiteral("characters other than A-Z, 0-9 and <"));
    Mrz m;
    QString l1, l2, l3;
    if (all.size() == 90) {
        m.format = Mrz::Format::TD1;
        l1 = all.mid(0, 30), l2 = all.mid(30, 30), l3 = all.mid(60, 30);
    } else if (all.size() == 72) {
        m.format = Mrz::Format::TD2;
        l1 = all.mid(0, 36), l2 = all.mid(36, 36);
    } else if (all.size() == 88) {
        m.format = Mrz::Format::TD3;
        l1 = all.mid(0, 44), l2 = all.mid(44, 44);
    } else {
        return mrzError("mrz_format",
                        QStringLiteral("%1 characters: not TD1 (90), TD2 (72) or TD3 (88)").arg(all.size()));
    }

    QString number, numberDigitField, composite;
    QChar numberDigit, compositeDigit;
    if (m.format == Mrz::Format::TD1) {
        m.documentCode = unfilled(QStringView(l1).mid(0, 2));
        m.issuingState = unfilled(QStringView(l1).mid(2, 3));
        number = l1.mid(5, 9);
        numberDigit = l1[14];
        QString optional1 = l1.mid(15, 15);
        if (numberDigit == QLatin1Char('<')) {
            // A number longer than 9: its rest and its check digit open the optional data.
            const QString rest = unfilled(optional1);
            if (rest.isEmpty())
                return mrzError("mrz_format", QStringLiteral("long document number without its rest"));
            number += rest.left(rest.size() - 1);
            numberDigit = rest.back();
            optional1 = optional1.mid(rest.size());
        }
        if (const char* bad = readDatesAndSex(m, l2, 0))
            return mrzError(bad);
        m.nationality = unfilled(QStringView(l2).mid(15, 3));
        m.optionalData = name(optional1 + l2.mid(18, 11));
        composite = l1.mid(5, 25) + l2.mid(0, 7) + l2.mid(8, 7) + l2.mid(18, 11);
        compositeDigit = l2[29];
        readNames(m, l3);
    } else {
        m.documentCode = unfilled(QStringView(l1).mid(0, 2));
        m.issuingState = unfilled(QStringView(l1).mid(2, 3));
        readNames(m, QStringView(l1).mid(5));
        number = l2.mid(0, 9);
        numberDigit = l2[9];
        m.nationality = unfilled(QStringView(l2).mid(10, 3));
        if (const char* bad = readDatesAndSex(m, l2, 13))
            return mrzError(bad);
        if (m.format == Mrz::Format::TD3) {
            const QString personal = l2.mid(28, 14);
            // The personal number's check digit may be '<' when the field is empty.
            if (!(l2[42] == QLatin1Char('<') && unfilled(personal).isEmpty()) &&
                !digitMatches(personal, l2[42]))
                return mrzError("mrz_check_optional");
            m.optionalData = name(personal);
            composite = l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22);
            compositeDigit = l2[43];
        } else {
            m.optionalData = name(QStringView(l2).mid(28, 7));
            composite = l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 14);
            compositeDigit = l2[35];
        }
    }
    if (m.sex != QLatin1String("M") && m.sex != QLatin1String("F") && m.sex != QLatin1String("<") &&
        m.sex != QLatin1String("X"))
        return mrzError("mrz_format", QStringLiteral("sex field"));
    if (!digitMatches(number, numberDigit))
        return mrzError("mrz_check_document_number");
    // Last: a wrong field is named by its own check digit, not by the composite over all of them.
    if (!digitMatches(composite, compositeDigit))
        return mrzError("mrz_check_composite");
    if (!isMrzDate(m.key.birthDate))
        return mrzError("mrz_birth_date");
    if (!isMrzDate(m.key.expiryDate))
        return mrzError("mrz_expiry_date");
    m.key.documentNumber = unfilled(number);
    return m;
}

} // namespace lz::icao
