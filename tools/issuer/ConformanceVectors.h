#pragma once
// lz-issuer conformance-vectors --out FILE: the format's conformance vectors (docs/test-vectors/).
#include "toolkit/CliSupport.h"

namespace lz::issuer {
int conformanceVectors(const cli::Options& o);
}
