#include "log/LogExport.h"

#include "credential/Masking.h"
#include "log/RecordId.h"

#include <QDateTime>
#include <QJsonValue>

namespace lz {
namespace {

QString cell(QString s) {
    // OWASP "CSV injection": a leading =, +, -, @, tab or CR makes spreadsheets evaluate it.
    if (!s.isEmpty() && QStringLiteral("=+-@\t\r").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

QString detail(const Registration& r, const char* key) {
    const QJsonValue v = r.details.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

} // namespace

void writeRegistrationsCsv(QIODevice& out, const QList<Registration>& records, bool unmasked) {
    static const char* const kDetails[] = {"room", "check_in",     "expected_checkout", "guests",
                                           "seat", "service_item", "window_no",         "waybill"};
    QStringList header{
        QStringLiteral("record_id"),     QStringLiteral("local_time"),  QStringLiteral("kind"),
        QStringLiteral("verdict"),       QStringLiteral("reason"),      QStringLiteral("method"),
        QStringLiteral("document_kind"), QStringLiteral("name"),        QStringLiteral("document_number"),
        QStringLiteral("sex"),           QStringLiteral("birth_date"),  QStringLiteral("age_18_or_over"),
        QStringLiteral("venue_id"),      QStringLiteral("terminal_id"), QStringLiteral("operator")};
    for (const char* d : kDetails)
        header.append(QLatin1String(d));
    header.append(QStringLiteral("forwarded"));
    out.write("\xEF\xBB\xBF");
    out.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (const Registration& r : records) {
        const QDateTime local =
            QDateTime::fromMSecsSinceEpoch(r.createdAtMs, Qt::OffsetFromUTC, r.utcOffsetS);
        QStringList row{recordIdText(r.id),
                        local.toString(Qt::ISODate),
                        recordKindName(r.kind),
                        r.valid ? QStringLiteral("valid") : QStringLiteral("rejected"),
                        r.reason,
                        r.method,
                        r.documentKind};
        if (r.identity) {
            // Masked: the rule of credential/Masking.h (no birth date, the age statement instead).
            row << (unmasked ? r.identity->name : masking::name(r.identity->name))
                << (unmasked ? r.identity->documentNumber
                             : masking::documentNumber(r.identity->documentNumber))
                << sexName(r.identity->sex)
                << (unmasked ? r.identity->birthDate.toString(Qt::ISODate) : QString())
                << (masking::isAdult(r.identity->birthDate, local.date()) ? QStringLiteral("yes")
                                                                          : QStringLiteral("no"));
        } else {
            row << QString() << QString() << QString() << QString() << QString();
        }
        row << r.venue.venueId << r.venue.terminalId << r.venue.operatorId;
        for (const char* d : kDetails)
            row << detail(r, d);
        row << (r.ackedAtMs                  ? QStringLiteral("yes")
                : r.setAsideReason.isEmpty() ? QStringLiteral("no")
                                             : QStringLiteral("set_aside"));
        for (QString& c : row)
            c = cell(c);
        out.write(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
}

} // namespace lz
