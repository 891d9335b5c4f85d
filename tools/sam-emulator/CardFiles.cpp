#include "CardFiles.h"

#include "credential/IdNumber.h"
#include "util/DurableFile.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

namespace lz::samemu {
namespace {

void put(QByteArray& block, int offset, int size, const QString& value) {
    const QString padded = value.left(size / 2).leftJustified(size / 2, QLatin1Char(' '));
    for (int i = 0; i < size / 2; ++i)
        qToLittleEndian<quint16>(padded.at(i).unicode(), block.data() + offset + 2 * i);
}

// A GB 11643 number from its first 17 digits.
QString withCheck(const QString& first17) {
    return first17 + idnumber::checkCharacter(first17);
}

} // namespace

QByteArray writeTextBlock(const idcard::CardText& c) {
    QByteArray b(idcard::kTextBlockSize, '\0');
    put(b, 0, idcard::kTextBlockSize, QString()); // all spaces
    for (const idcard::CardField& f : idcard::cardLayout(c.type))
        put(b, f.offset, f.size, c.*f.member);
    if (c.type == idcard::CardType::Foreigner2023) {
        const auto& n = idcard::kForeignNameY;
        put(b, n.firstOffset, n.firstSize, c.nameLatin.left(n.firstSize / 2));
        put(b, n.restOffset, n.restSize, c.nameLatin.mid(n.firstSize / 2));
    }
    put(b, idcard::kTypeOffset, 2, QString(QLatin1Char(idcard::cardTypeCharacter(c.type))));
    return b;
}

QByteArray placeholderPhoto(quint8 seed) {
    QByteArray p(idcard::kPhotoBlockSize, '\0');
    p.replace(0, 6, kPlaceholderMagic);
    p[6] = char(seed);
    quint32 x = 0x9E3779B9u ^ seed;
    for (int i = 7; i < p.size(); ++i) { // xorshift: bytes that look like compressed data
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        p[i] = char(x & 0xff);
    }
    return p;
}

Expected<CardFiles> CardFiles::load(const QString& dir) {
    CardFiles f;
    for (auto [name, into, size] : {std::tuple{"text.bin", &f.text, idcard::kTextBlockSize},
                                    std::tuple{"photo.wlt", &f.photo, idcard::kPhotoBlockSize}}) {
        QFile file(QDir(dir).filePath(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            return unexpected(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
        *into = file.readAll();
        if (into->size() != size)
            return unexpected(
                QStringLiteral("%1 is %2 bytes, not %3").arg(file.fileName()).arg(into->size()).arg(size));
    }
    return f;
}

Expected<void> CardFiles::save(const QString& dir) const {
    if (!QDir().mkpath(dir))
        return unexpected(QStringLiteral("cannot create %1").arg(dir));
    for (auto [name, bytes] : {std::pair{"text.bin", &text}, std::pair{"photo.wlt", &photo}})
        if (auto w = writeFileDurably(QDir(dir).filePath(QLatin1String(name)), *bytes, 0600); !w)
            return unexpected(w.error().text());
    return {};
}

idcard::CardText demoCard(idcard::CardType type) {
    using idcard::CardType;
    idcard::CardText c;
    c.type = type;
    c.validFrom = QStringLiteral("20200101");
    c.validTo = QStringLiteral("20400101");
    switch (type) {
    case CardType::Resident: // the demo phone's holder 张伟 (resources/demo/identities.json)
        c.name = QStringLiteral("张伟");
        c.sex = QStringLiteral("1");
        c.nation = QStringLiteral("01");
        c.birth = QStringLiteral("19900307");
        c.address = QStringLiteral("广东省广州市天河区体育西路1号");
        c.number = QStringLiteral("440106199003071231");
        c.issuer = QStringLiteral("广州市公安局天河分局");
        c.validTo = QStringLiteral("长期");
        break;
    case CardType::ResidencePermit: // a Hong Kong resident
        c.name = QStringLiteral("陈嘉欣");
        c.sex = QStringLiteral("2");
        c.birth = QStringLiteral("19940823");
        c.address = QStringLiteral("广东省深圳市福田区福华路2号");
        c.number = withCheck(QStringLiteral("81000019940823002"));
        c.issuer = QStringLiteral("深圳市公安局福田分局");
        c.passNumber = QStringLiteral("H12345678");
        c.issueCount = QStringLiteral("01");
        c.validTo = QStringLiteral("20300101");
        break;
    case CardType::Foreigner2023: // a Spanish national
        c.name = QStringLiteral("玛丽亚");
        c.nameLatin = QStringLiteral("GARCIA LOPEZ, MARIA");
        c.sex = QStringLiteral("2");
        c.issueCount = QStringLiteral("00");
        c.birth = QStringLiteral("19870412");
        c.number = withCheck(QStringLiteral("93172419870412002")); // 9, Shanghai 31, Spain 724
        c.nationality = QStringLiteral("ESP");
        break;
    case CardType::ForeignerOld: // an American national, the pre-2023 card
        c.nameLatin = QStringLiteral("SMITH, JOHN");
        c.name = QStringLiteral("史密斯");
        c.sex = QStringLiteral("1");
        c.birth = QStringLiteral("19750630");
        c.number = QStringLiteral("USA117506300011"); // nationality, province 11, 750630, sequence
        c.nationality = QStringLiteral("USA");
        c.version = QStringLiteral("10");
        c.issuer = QStringLiteral("1500");
        c.validTo = QStringLiteral("20300101");
        break;
    }
    return c;
}

QList<idcard::CardType> allCardTypes() {
    return {idcard::CardType::Resident, idcard::CardType::ResidencePermit, idcard::CardType::Foreigner2023,
            idcard::CardType::ForeignerOld};
}

} // namespace lz::samemu
