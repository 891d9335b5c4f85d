#pragma once
// The scanning benchmark's frame corpus, generated, never checked in as images: phone screens
// showing QR codes of version 10-20 at level M (lz-wallet's encoder and alphabet) under one
// condition class each, plus frames with no code. Deterministic for a given seed.
#include "camera/PhoneScreenRenderer.h"

#include <QString>
#include <vector>

namespace lz::bench {

struct CorpusFrame {
    QString
        condition; // clean, rotation, perspective, blur, noise, glare, moire, low_light, inverted, no_code
    QString text;  // expected text; empty for no_code
    int version = 0;
    PhoneScene scene;
};

// Texts are "LZ1:" and random base45, which is what a wallet's compressed, signed payload looks
// like to a decoder, at lengths that land in version 10-20 (level M) — seeded, so reproducible.
std::vector<CorpusFrame> makeCorpus(unsigned seed, int withCode, int withoutCode);
QString pxBand(double modulePx); // "2.5-3.5", "3.5-5", "5-8"

} // namespace lz::bench
