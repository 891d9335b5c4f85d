// The ICAO 9303 parsers on arbitrary bytes: MRZ text, BER-TLV, EF.COM, DG1, DG2 (the 19794-5 facial
// record around the face), EF.CardAccess, and a secure-
// messaging response under the Appendix D.4 session keys. No crash; TLV sizes add up.
#include "icao/Dg2.h"
#include "icao/Lds.h"
#include "icao/PaceSession.h"
#include "icao/SecureMessaging.h"

#include <cstdint>

using namespace lz::icao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)parseMrz(QString::fromLatin1(bytes));
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype before = pos;
        auto t = Tlv::read(bytes, pos);
        if (!t)
            break;
        if (pos - before != t->size || t->value.size() > t->size)
            __builtin_trap();
        if (t->constructed())
            (void)Tlv::children(t->value);
    }
    (void)Tlv::announcedSize(bytes.left(8));
    (void)EfCom::parse(bytes);
    (void)supportedPace(bytes);
    (void)parseDg1(bytes);
    if (auto face = parseDg2(bytes); face && !face->data.isEmpty() && !bytes.contains(face->data))
        __builtin_trap(); // the face is a slice of the file, never made up
    SecureMessaging sm({QByteArray::fromHex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                        QByteArray::fromHex("F1CB1F1FB5ADF208806B89DC579DC1F8"),
                        QByteArray::fromHex("887022120C06C226")});
    (void)sm.protect({0x00, 0xB0, 0x00, 0x00, {}, 4});
    (void)sm.unprotect(bytes);
    return 0;
}
