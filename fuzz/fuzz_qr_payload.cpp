// libFuzzer: the QR text layer (prefix, base45, zlib inflate with its cap) and the CBOR/COSE
// decoding behind it when the text is well formed.
#include "cose/CoseSign1.h"
#include "credential/QrPayload.h"

#include <QString>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromLatin1(reinterpret_cast<const char*>(data), qsizetype(size));
    auto bytes = lz::qr::decode(text);
    if (bytes) {
        if (bytes->size() > lz::qr::kMaxInflated)
            __builtin_trap(); // the cap must hold
        (void)lz::CoseSign1::decode(*bytes);
        // Round trip: what we encode we must decode to the same bytes.
        if (*lz::qr::decode(lz::qr::encode(*bytes)) != *bytes)
            __builtin_trap();
    }
    return 0;
}
