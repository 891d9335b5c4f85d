#include "icao/Lds.h"

namespace lz::icao {

int dataGroupForTag(quint32 tag) {
    switch (tag) {
    case 0x61:
        return 1;
    case 0x75:
        return 2;
    case 0x63:
        return 3;
    case 0x76:
        return 4;
    default:
        break;
    }
    return tag >= 0x65 && tag <= 0x70 ? int(tag - 0x65 + 5) : 0;
}

namespace {
QDate mrzDate(const QString& yymmdd, int pivotYear) {
    const int yy = yymmdd.left(2).toInt();
    int year = pivotYear - pivotYear % 100 + yy;
    if (year > pivotYear)
        year -= 100;
    return QDate(year, yymmdd.mid(2, 2).toInt(), yymmdd.mid(4, 2).toInt());
}
} // namespace

Identity identityFromMrz(const Mrz& mrz, const QDate& today) {
    Identity id;
    id.kind =
        mrz.documentCode.startsWith(QLatin1Char('P')) ? DocumentKind::Passport : DocumentKind::TravelDocument;
    id.name = mrz.givenNames.isEmpty() ? mrz.surname : mrz.surname + QLatin1Char(' ') + mrz.givenNames;
    id.nameLatin = id.name;
    id.sex = mrz.sex == QLatin1String("M")   ? Sex::Male
             : mrz.sex == QLatin1String("F") ? Sex::Female
                                             : Sex::Unspecified;
    id.birthDate = mrzDate(mrz.key.birthDate, today.year());
    id.expiryDate = mrzDate(mrz.key.expiryDate, today.year() + 50);
    id.documentNumber = mrz.key.documentNumber;
    id.nationality = mrz.nationality;
    id.issuingState = mrz.issuingState;
    return id;
}

Expected<EfCom> EfCom::parse(const QByteArray& file) {
    auto top = Tlv::parse(file);
    if (!top)
        return unexpected(top.error());
    if (top->tag != 0x60)
        return unexpected(QStringLiteral("lds_malformed: EF.COM tag %1").arg(top->tag, 0, 16));
    auto items = Tlv::children(top->value);
    if (!items)
        return unexpected(items.error());
    EfCom com;
    bool haveList = false;
    for (const Tlv& t : *items) {
        if (t.tag == 0x5F01)
            com.ldsVersion = QString::fromLatin1(t.value);
        else if (t.tag == 0x5F36)
            com.unicodeVersion = QString::fromLatin1(t.value);
        else if (t.tag == 0x5C) {
            haveList = true;
            for (char c : t.value) {
                const int dg = dataGroupForTag(quint8(c));
                if (dg == 0)
                    return unexpected(
                        QStringLiteral("lds_malformed: tag %1 in the list").arg(quint8(c), 2, 16));
                com.dataGroups.append(dg);
            }
        }
    }
    if (!haveList)
        return unexpected(QStringLiteral("lds_malformed: EF.COM without a tag list"));
    return com;
}

Expected<Mrz> parseDg1(const QByteArray& file) {
    auto top = Tlv::parse(file);
    if (!top)
        return unexpected(top.error());
    if (top->tag != 0x61)
        return unexpected(QStringLiteral("lds_malformed: DG1 tag %1").arg(top->tag, 0, 16));
    auto items = Tlv::children(top->value);
    if (!items)
        return unexpected(items.error());
    for (const Tlv& t : *items)
        if (t.tag == 0x5F1F) {
            auto mrz = parseMrz(QString::fromLatin1(t.value));
            if (!mrz)
                return unexpected(mrz.error().code + QStringLiteral(": ") + mrz.error().detail);
            return *mrz;
        }
    return unexpected(QStringLiteral("lds_malformed: DG1 without the MRZ (5F1F)"));
}

} // namespace lz::icao
