// libFuzzer: the terminal's certificate as enrolment reads it from a USB stick
// (core/crypto/TerminalCertificate): any bytes, checked against a fixed terminal key.
#include "crypto/TerminalCertificate.h"

#include <cstdint>

namespace {
// A throwaway terminal key for the fuzzer only (made with openssl req -newkey ec).
constexpr char kKey[] = "-----BEGIN PRIVATE KEY-----\n"
                        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg8sACE2JDO0NYl97s\n"
                        "pOGXnhfjd3mGm15th++yYrOoSv6hRANCAARb1mjTMpmvmgZ18FBR1xDqTc3b9AqD\n"
                        "YsZVl7LKeZEbpzJnqG/dPl9ieBKJiZnMY7lQ4YNQe1OqhLGV6MriSc/Z\n"
                        "-----END PRIVATE KEY-----\n";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)lz::checkTerminalCertificate(bytes, kKey, QStringLiteral("fuzz terminal (test only)"), 1800000000);
    return 0;
}
