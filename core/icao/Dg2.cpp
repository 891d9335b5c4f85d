#include "icao/Dg2.h"

#include "icao/Tlv.h"

namespace lz::icao {
namespace {

Unexpected<QString> malformed(const QString& what) {
    return unexpected(QStringLiteral("dg2_malformed: ") + what);
}

quint32 bigEndian(const QByteArray& b, qsizetype at, int size) {
    quint32 v = 0;
    for (int i = 0; i < size; ++i)
        v = (v << 8) | quint8(b[at + i]);
    return v;
}

FaceImage::Format sniff(const QByteArray& image) {
    if (image.startsWith(QByteArray::fromHex("ffd8ff")))
        return FaceImage::Format::Jpeg;
    if (image.startsWith(QByteArray::fromHex("0000000c6a5020200d0a870a")) ||
        image.startsWith(QByteArray::fromHex("ff4fff51")))
        return FaceImage::Format::Jpeg2000;
    return FaceImage::Format::Unknown;
}

// ISO/IEC 19794-5:2005 ("FAC\0" "010\0"): a 14-byte general header, a 20-byte facial
// information block, 8 bytes per feature point, 12 bytes of image information, the image.
Expected<FaceImage> parseFacialRecord(const QByteArray& record) {
    FaceImage face;
    if (record.size() < 14 + 20 + 12 || !record.startsWith(QByteArrayView("FAC\0", 4)))
        return malformed(QStringLiteral("biometric data is not an ISO/IEC 19794-5 facial record"));
    if (record.mid(4, 4) != QByteArrayView("010\0", 4))
        return malformed(QStringLiteral("facial record version %1 is not 010")
                             .arg(QString::fromLatin1(record.mid(4, 3).toHex())));
    const quint32 recordLength = bigEndian(record, 8, 4);
    if (recordLength != quint32(record.size()) || bigEndian(record, 12, 2) < 1)
        return malformed(QStringLiteral("facial record length or face count wrong"));
    const qsizetype block = 14;
    const quint32 blockLength = bigEndian(record, block, 4);
    const int points = int(bigEndian(record, block + 4, 2));
    const qsizetype info = block + 20 + qsizetype(points) * 8;
    if (info + 12 > record.size() || blockLength < quint32(info + 12 - block) ||
        blockLength > quint32(record.size() - block))
        return malformed(QStringLiteral("facial information block length wrong"));
    face.width = int(bigEndian(record, info + 2, 2));
    face.height = int(bigEndian(record, info + 4, 2));
    face.data = record.mid(info + 12, qsizetype(blockLength) - (info + 12 - block));
    face.format = sniff(face.data);
    return face;
}

} // namespace

QString faceFormatName(FaceImage::Format f) {
    switch (f) {
    case FaceImage::Format::Jpeg:
        return QStringLiteral("jpeg");
    case FaceImage::Format::Jpeg2000:
        return QStringLiteral("jpeg2000");
    case FaceImage::Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Expected<FaceImage> parseDg2(const QByteArray& file) {
    auto top = Tlv::parse(file);
    if (!top)
        return unexpected(top.error());
    if (top->tag != 0x75)
        return malformed(QStringLiteral("DG2 tag %1").arg(top->tag, 0, 16));
    auto group = Tlv::children(top->value);
    if (!group)
        return unexpected(group.error());
    for (const Tlv& g : *group) {
        if (g.tag != 0x7F61)
            continue;
        auto items = Tlv::children(g.value);
        if (!items)
            return unexpected(items.error());
        for (const Tlv& bit : *items) {
            if (bit.tag != 0x7F60)
                continue;
            auto parts = Tlv::children(bit.value);
            if (!parts)
                return unexpected(parts.error());
            for (const Tlv& part : *parts)
                if (part.tag == 0x5F2E || part.tag == 0x7F2E)
                    return parseFacialRecord(part.value);
            return malformed(QStringLiteral("biometric template without biometric data"));
        }
        return malformed(QStringLiteral("biometric group without a template"));
    }
    return malformed(QStringLiteral("DG2 without a biometric information group (7F61)"));
}

} // namespace lz::icao
