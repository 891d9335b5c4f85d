// The ID-card reader's parsers of outside bytes: the SAM frame parser (in two pieces, as a serial
// line delivers them), the read answer's block lengths, the text block and the checks made of
// it. Never a crash; every frame parsed re-encodes to the same bytes.
#include "idcard/CardCheck.h"
#include "idcard/CardText.h"
#include "idcard/SamFrame.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace lz::idcard;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    SamFrameParser parser;
    parser.feed(bytes.left(bytes.size() / 2));
    while (parser.next()) {
    }
    parser.feed(bytes.mid(bytes.size() / 2));
    while (auto item = parser.next()) {
        if (!item->frame)
            continue;
        SamFrameParser again;
        again.feed(encodeFrame(item->frame->body));
        auto back = again.next();
        if (!back || !back->frame || back->frame->body != item->frame->body)
            __builtin_trap();
        // An answer's data as a read answer, its text as a card.
        if (item->frame->body.size() >= 3) {
            if (auto blocks = parseReadAnswer(item->frame->body.mid(3)))
                if (auto card = parseTextBlock(blocks->text))
                    (void)identityOf(*card, QDate(2026, 12, 4));
        }
    }
    // The bytes themselves as a text block (256 of them).
    if (auto card = parseTextBlock(bytes.left(kTextBlockSize).leftJustified(kTextBlockSize, ' ')))
        (void)identityOf(*card, QDate(2026, 12, 4));
    return 0;
}
