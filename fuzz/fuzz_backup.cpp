// libFuzzer: the backup's two files as a restore reads them from a USB stick (core/log/Backup):
// the data, the sealed keys (CMS, opened with a test recipient's key) and the opened key bundle.
// What decodes must encode back and decode to the same.
#include "crypto/KeyEscrow.h"
#include "log/Backup.h"

#include <cstdint>

namespace {
// A throwaway escrow recipient for the fuzzer only (made with openssl req -x509 -newkey ec).
constexpr char kCert[] = "-----BEGIN CERTIFICATE-----\n"
                         "MIIBnDCCAUGgAwIBAgIUGez852jUbfozN50och/MCaHVdZAwCgYIKoZIzj0EAwIw\n"
                         "IjEgMB4GA1UEAwwXZnV6eiBlc2Nyb3cgKHRlc3Qgb25seSkwIBcNMjYxMjA1MTQx\n"
                         "NTA2WhgPMjEyNjExMTExNDE1MDZaMCIxIDAeBgNVBAMMF2Z1enogZXNjcm93ICh0\n"
                         "ZXN0IG9ubHkpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqbrZDVN1zGT9+eFY\n"
                         "eBzkPrHAZqtRKKL0KXnoybazCRe4thHKUMXma6vhkydSwCbj1m6O2rJbrG/z4Dbj\n"
                         "5ywezKNTMFEwHQYDVR0OBBYEFGowxoENRNXUVytEqBk+o1GvxZlcMB8GA1UdIwQY\n"
                         "MBaAFGowxoENRNXUVytEqBk+o1GvxZlcMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI\n"
                         "zj0EAwIDSQAwRgIhAI4H6CPURBgem9RauSGPfhhdSS7kKNd9koFo1W3/rdMyAiEA\n"
                         "i63gzcrfc58l2O7MwTwrL4FMlPsJOihzL2m6BI2NEBU=\n"
                         "-----END CERTIFICATE-----\n";
constexpr char kKey[] = "-----BEGIN PRIVATE KEY-----\n"
                        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmTzZXbuY5Cmy3zAM\n"
                        "QgQ2mwl3z5gBNIjgantcOm3QQ3yhRANCAASputkNU3XMZP354Vh4HOQ+scBmq1Eo\n"
                        "ovQpeejJtrMJF7i2EcpQxeZrq+GTJ1LAJuPWbo7aslusb/PgNuPnLB7M\n"
                        "-----END PRIVATE KEY-----\n";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto d = lz::decodeBackup(bytes)) {
        for (const lz::StateFile& f : d->files)
            if (!lz::isStateFileName(f.name))
                __builtin_trap(); // a name that could leave the state directory got through
        auto again = lz::decodeBackup(lz::encodeBackup(*d));
        if (!again || again->files.size() != d->files.size() || again->terminalId != d->terminalId)
            __builtin_trap();
    }
    if (size > 0 && data[0] == 0x30) // DER SEQUENCE: the sealed keys
        if (auto opened = lz::openSealed(bytes, kCert, kKey))
            (void)lz::decodeKeys(*opened);
    if (auto k = lz::decodeKeys(bytes)) {
        for (const lz::StateFile& f : k->files)
            if (!lz::isStateFileName(f.name))
                __builtin_trap();
    }
    return 0;
}
