#pragma once
// The terminal's own signing key (Ed25519, PKCS#8 PEM, 0600): signs the log's checkpoints, so
// that the gateway — which learns the public key when the terminal is enrolled — can tell a
// log rewritten after the fact from the one the terminal wrote.
#include "crypto/Keys.h"
#include "log/LogError.h"

namespace lz {

// Loads the key, creating it (0600) when the file does not exist. A key file readable by
// others, or one that does not parse, is refused with a named error.
LogResult<PrivateKey> loadOrCreateTerminalKey(const QString& path);

} // namespace lz
