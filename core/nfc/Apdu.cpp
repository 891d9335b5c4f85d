#include "nfc/Apdu.h"

namespace lz::nfc {

NfcExpected<QByteArray> CommandApdu::encode() const {
    if (data.size() > 255)
        return nfcError(NfcCode::ApduTooLong,
                        QStringLiteral("%1 data bytes in a short APDU").arg(data.size()));
    if (le == 0 || le > 256 || le < -1)
        return nfcError(NfcCode::ApduTooLong, QStringLiteral("Le %1 out of range").arg(le));
    QByteArray out;
    out.reserve(5 + data.size() + 1);
    out += char(cla);
    out += char(ins);
    out += char(p1);
    out += char(p2);
    if (!data.isEmpty()) {
        out += char(data.size());
        out += data;
    }
    if (le > 0)
        out += char(le & 0xff); // 256 → 00
    return out;
}

NfcExpected<CommandApdu> CommandApdu::parse(const QByteArray& b) {
    if (b.size() < 4)
        return nfcError(NfcCode::ApduTruncated, QStringLiteral("%1-byte command").arg(b.size()));
    CommandApdu c;
    c.cla = quint8(b[0]);
    c.ins = quint8(b[1]);
    c.p1 = quint8(b[2]);
    c.p2 = quint8(b[3]);
    const qsizetype rest = b.size() - 4;
    if (rest == 0)
        return c; // case 1
    const int first = quint8(b[4]);
    if (rest == 1) { // case 2: Le only
        c.le = first == 0 ? 256 : first;
        return c;
    }
    if (first == 0)
        return nfcError(NfcCode::ApduTooLong, QStringLiteral("extended-length command not supported"));
    if (rest < 1 + first)
        return nfcError(NfcCode::ApduTruncated,
                        QStringLiteral("Lc %1 but %2 data bytes").arg(first).arg(rest - 1));
    c.data = b.mid(5, first);
    if (rest == 1 + first)
        return c;            // case 3
    if (rest == 2 + first) { // case 4
        const int le = quint8(b[5 + first]);
        c.le = le == 0 ? 256 : le;
        return c;
    }
    return nfcError(NfcCode::ApduTooLong,
                    QStringLiteral("%1 bytes after the command data").arg(rest - 1 - first));
}

QByteArray ResponseApdu::encode() const {
    QByteArray out = data;
    out += char(sw >> 8);
    out += char(sw & 0xff);
    return out;
}

NfcExpected<ResponseApdu> ResponseApdu::parse(const QByteArray& b) {
    if (b.size() < 2)
        return nfcError(NfcCode::ApduTruncated, QStringLiteral("%1-byte response").arg(b.size()));
    ResponseApdu r;
    r.data = b.left(b.size() - 2);
    r.sw = quint16(quint8(b[b.size() - 2]) << 8 | quint8(b[b.size() - 1]));
    return r;
}

QString swText(quint16 sw) {
    const QString hex = QStringLiteral("%1").arg(sw, 4, 16, QLatin1Char('0')).toUpper();
    const char* meaning = nullptr;
    switch (sw) {
    case 0x9000:
        meaning = "ok";
        break;
    case 0x6700:
        meaning = "wrong length";
        break;
    case 0x6982:
        meaning = "security status not satisfied";
        break;
    case 0x6985:
        meaning = "conditions of use not satisfied";
        break;
    case 0x6A80:
        meaning = "incorrect data";
        break;
    case 0x6A82:
        meaning = "application not found";
        break;
    case 0x6A86:
        meaning = "incorrect P1-P2";
        break;
    case 0x6D00:
        meaning = "instruction not supported";
        break;
    case 0x6E00:
        meaning = "class not supported";
        break;
    default:
        break;
    }
    return meaning ? hex + QStringLiteral(" (") + QLatin1String(meaning) + QLatin1Char(')') : hex;
}

} // namespace lz::nfc
