// lz-wlt-decode: runs a reader vendor's WLT photo decoder (a shared library the venue installs
// with its ID-card reader; no open decoder exists) in a process of its own, so that a decoder
// that crashes, hangs or scribbles over memory takes only this process with it.
//   lz-wlt-decode LIBRARY FUNCTION bmp_buffer|raw_bgr  < 1024 bytes of WLT  > the image's bytes
// bmp_buffer: int FUNCTION(const unsigned char* wlt, unsigned char* out, int outSize), > 0 on
//             success; out holds a 102×126 24-bit BMP file (38862 bytes).
// raw_bgr:    int FUNCTION(const unsigned char* wlt, unsigned char* out), 1 on success; out holds
//             102×126 pixels, 3 bytes each (B, G, R), rows top to bottom (38556 bytes).
// Exit: 0 ok; 2 usage or input; 3 the library does not load; 4 no such function; 5 the decoder
// refused the photo. The photo's bytes are never written anywhere but the pipe.
#include "version/Version.h"
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <vector>

namespace {
constexpr int kWltSize = 1024;
constexpr int kBmpSize = 38862;
constexpr int kBgrSize = 102 * 126 * 3;
using BmpBuffer = int (*)(const unsigned char*, unsigned char*, int);
using RawBgr = int (*)(const unsigned char*, unsigned char*);
} // namespace

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-wlt-decode"))
        return 0;
    if (argc != 4 || (std::strcmp(argv[3], "bmp_buffer") != 0 && std::strcmp(argv[3], "raw_bgr") != 0)) {
        std::fputs("usage: lz-wlt-decode LIBRARY FUNCTION bmp_buffer|raw_bgr < photo.wlt\n", stderr);
        return 2;
    }
    std::vector<unsigned char> wlt(kWltSize);
    if (std::fread(wlt.data(), 1, kWltSize, stdin) != size_t(kWltSize)) {
        std::fputs("lz-wlt-decode: the photo block is not 1024 bytes\n", stderr);
        return 2;
    }
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        std::fprintf(stderr, "lz-wlt-decode: %s\n", dlerror());
        return 3;
    }
    void* symbol = dlsym(lib, argv[2]);
    if (!symbol) {
        std::fprintf(stderr, "lz-wlt-decode: no function %s in %s\n", argv[2], argv[1]);
        return 4;
    }
    // Room beyond the documented size: a decoder that writes a little more must not corrupt us.
    std::vector<unsigned char> out(kBmpSize + 4096, 0);
    int size = 0;
    if (std::strcmp(argv[3], "bmp_buffer") == 0) {
        const int rc = reinterpret_cast<BmpBuffer>(symbol)(wlt.data(), out.data(), kBmpSize);
        if (rc <= 0) {
            std::fprintf(stderr, "lz-wlt-decode: the decoder refused the photo (%d)\n", rc);
            return 5;
        }
        size = kBmpSize;
    } else {
        const int rc = reinterpret_cast<RawBgr>(symbol)(wlt.data(), out.data());
        if (rc != 1) {
            std::fprintf(stderr, "lz-wlt-decode: the decoder refused the photo (%d)\n", rc);
            return 5;
        }
        size = kBgrSize;
    }
    return std::fwrite(out.data(), 1, size_t(size), stdout) == size_t(size) ? 0 : 2;
}
