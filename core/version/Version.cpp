#include "version/Version.h"

#include <cstdio>
#include <cstring>

namespace lz {

const char* version() {
    return LZ_VERSION;
}

bool printVersionIfAsked(int argc, char** argv, const char* program) {
    if (argc != 2 || std::strcmp(argv[1], "--version") != 0)
        return false;
    std::printf("%s %s\n", program, LZ_VERSION);
    return true;
}

bool printUsageIfAsked(int argc, char** argv, const char* usage) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--help") == 0) {
            std::fputs(usage, stdout);
            return true;
        }
    return false;
}

} // namespace lz
