// The emulated PN532's frame parser (tools/pn532-emulator) on arbitrary host bytes: never a
// crash, and every frame it yields re-encodes to bytes it parses back the same.
#include "Pn532Frames.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace lz::pn532;
    FrameParser parser;
    // In two pieces, as a serial line may deliver them.
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    parser.feed(bytes.left(bytes.size() / 2));
    while (parser.next()) {
    }
    parser.feed(bytes.mid(bytes.size() / 2));
    while (auto f = parser.next()) {
        if (f->kind != HostFrame::Kind::Command)
            continue;
        FrameParser again;
        again.feed(encodeFrame(kHostToPn532, f->payload));
        auto back = again.next();
        if (!back || back->kind != HostFrame::Kind::Command || back->payload != f->payload)
            __builtin_trap();
    }
    return 0;
}
