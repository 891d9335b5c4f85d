#pragma once
// lz-issuer's test-passport commands (docs/tools.md, docs/passports.md): a CSCA, a CRL of it,
// and complete passports (LDS files + EF.SOD signed by a fresh document signer) as directories
// the emulated reader serves — genuine or broken.
#include "toolkit/CliSupport.h"

namespace lz::issuer {

int csca(const cli::Options& o);
int crl(const cli::Options& o);
int passportCommand(const cli::Options& o);

} // namespace lz::issuer
