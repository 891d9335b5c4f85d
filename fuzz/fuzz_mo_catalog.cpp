// libFuzzer: the gettext catalogues the country names are read from (core/icao/CountryNames).
#include "icao/CountryNames.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)lz::icao::parseMoCatalog(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
