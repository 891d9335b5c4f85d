#pragma once
// lz-issuer id-card: a card for the emulated SAM reader (docs/id-card-reader.md): the 256-byte
// text block and a 1024-byte placeholder photo in a directory lz-sam-emu serves (--card DIR).
#include "toolkit/CliSupport.h"

namespace lz::issuer {

int idCardCommand(const cli::Options& o);

} // namespace lz::issuer
