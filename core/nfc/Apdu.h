#pragma once
// ISO/IEC 7816-4 APDUs, short form only. Why no extended length: a PN532 driven by libnfc 1.8
// exchanges at most 262 command and 263 response bytes (docs/nfc-emulator.md), and phones'
// host card emulation rarely advertises extended length; long answers use 61XX + GET RESPONSE.
#include "nfc/NfcError.h"

#include <QByteArray>

namespace lz::nfc {

struct CommandApdu {
    quint8 cla = 0, ins = 0, p1 = 0, p2 = 0;
    QByteArray data; // ≤ 255 bytes
    int le = -1;     // -1: no Le field; 1..256 (256 is coded 00)

    // Case 1..4 short encoding; apdu_too_long when data > 255 or le out of range.
    NfcExpected<QByteArray> encode() const;
    // Parses a C-APDU (the card's side); apdu_truncated / apdu_too_long for malformed ones.
    static NfcExpected<CommandApdu> parse(const QByteArray& bytes);
};

struct ResponseApdu {
    QByteArray data;
    quint16 sw = 0;

    quint8 sw1() const { return quint8(sw >> 8); }
    quint8 sw2() const { return quint8(sw & 0xff); }
    bool ok() const { return sw == 0x9000; }
    // 61XX: more bytes wait for GET RESPONSE (XX of them; 00 means 256 or more).
    bool moreData() const { return sw1() == 0x61; }
    QByteArray encode() const;
    // apdu_truncated when fewer than the two status bytes arrived.
    static NfcExpected<ResponseApdu> parse(const QByteArray& bytes);
};

QString swText(quint16 sw); // "6A82" and, when known, its meaning

} // namespace lz::nfc
