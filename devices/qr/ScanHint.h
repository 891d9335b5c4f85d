#pragma once
// What the guest should do, derived from what the decoder saw in the frame.
#include <QString>

namespace lz {

enum class ScanHint {
    None,     // decoded, or nothing to say
    NoCode,   // nothing code-like in view
    TooSmall, // a code-like region too small to read: move closer
    TooLarge, // the region fills the frame: move back
    Blurred,  // the region lacks sharp edges: hold still
    Glare,    // bright reflections over the region: tilt the phone
};

QString scanHintName(ScanHint hint); // stable keys: "no_code", "too_small", ...

} // namespace lz
