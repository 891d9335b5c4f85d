// The ICAO 9303 parsers on arbitrary bytes: MRZ text, the camera's per-position candidates
// (resolveMrz: a reading is only ever one that parseMrz accepts), BER-TLV, EF.COM, DG1, DG2 (the 19794-5
// facial record around the face), EF.CardAccess, and a secure- messaging response under the Appendix D.4
// session keys. No crash; TLV sizes add up.
#include "icao/Dg2.h"
#include "icao/Lds.h"
#include "icao/MrzResolve.h"
#include "icao/PaceSession.h"
#include "icao/SecureMessaging.h"

#include <cstdint>

using namespace lz::icao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)parseMrz(QString::fromLatin1(bytes));
    {
        // The bytes as a recogniser's output: per position, (character, score) pairs until a 0xFF.
        static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
        const Mrz::Format format = size % 3 == 0   ? Mrz::Format::TD1
                                   : size % 3 == 1 ? Mrz::Format::TD2
                                                   : Mrz::Format::TD3;
        std::vector<MrzCell> cells(size_t(mrzLines(format) * mrzLineLength(format)));
        size_t cell = 0;
        for (size_t i = 0; i + 1 < size && cell < cells.size(); i += 2) {
            if (data[i] == 0xFF) {
                ++cell;
                --i;
                continue;
            }
            cells[cell].push_back({kAlphabet[data[i] % 37], float(data[i + 1]) / 255.0f});
        }
        if (auto r = resolveMrz(format, cells); r && !r->keyOnly) {
            // A whole reading is one parseMrz accepts, with the key it gives.
            const auto again = parseMrz(r->text);
            if (!again || again->key.documentNumber != r->mrz.key.documentNumber ||
                again->key.birthDate != r->mrz.key.birthDate ||
                again->key.expiryDate != r->mrz.key.expiryDate)
                __builtin_trap();
        }
    }
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
