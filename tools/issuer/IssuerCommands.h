#pragma once
// lz-issuer's commands (docs/tools.md). Each returns a process exit code.
#include "toolkit/CliSupport.h"

namespace lz::issuer {

int keygen(const cli::Options& o);
int publicKey(const cli::Options& o);
int issue(const cli::Options& o);
int trustList(const cli::Options& o);

} // namespace lz::issuer
