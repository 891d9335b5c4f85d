// A stand-in for a reader vendor's WLT decoder, built only for tests: it "decodes" the
// emulator's placeholder photo (tools/sam-emulator/CardFiles.h) into a 102×126 image of one
// colour taken from the placeholder's seed, and refuses anything else. Seeds 0xEE and 0xEF make
// it crash and hang, to prove that a vendor library's faults cost the photo, not the kiosk.
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {
constexpr int kWidth = 102, kHeight = 126;

bool placeholder(const unsigned char* wlt) {
    return std::memcmp(wlt, "LZWLT1", 6) == 0;
}

void colour(unsigned char seed, unsigned char& b, unsigned char& g, unsigned char& r) {
    b = static_cast<unsigned char>(seed * 40);
    g = static_cast<unsigned char>(255 - seed * 30);
    r = static_cast<unsigned char>(100 + seed * 10);
}

void faults(unsigned char seed) {
    if (seed == 0xEE)
        std::abort();
    if (seed == 0xEF)
        for (;;)
            sleep(1);
}
} // namespace

extern "C" {

// bmp_buffer: a 24-bit BMP file, rows bottom-up, each padded to 308 bytes.
int lz_test_wlt2bmp(const unsigned char* wlt, unsigned char* out, int outSize) {
    const int row = (kWidth * 3 + 3) / 4 * 4, size = 54 + row * kHeight;
    if (!placeholder(wlt) || outSize < size)
        return -4;
    faults(wlt[6]);
    std::memset(out, 0, size_t(size));
    auto put32 = [&](int at, unsigned v) {
        for (int i = 0; i < 4; ++i)
            out[at + i] = static_cast<unsigned char>(v >> (8 * i));
    };
    out[0] = 'B';
    out[1] = 'M';
    put32(2, unsigned(size));
    put32(10, 54);
    put32(14, 40);
    put32(18, kWidth);
    put32(22, kHeight);
    out[26] = 1;
    out[28] = 24;
    put32(34, unsigned(row * kHeight));
    unsigned char b, g, r;
    colour(wlt[6], b, g, r);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            unsigned char* p = out + 54 + y * row + x * 3;
            p[0] = b;
            p[1] = g;
            p[2] = r;
        }
    return size;
}

// raw_bgr: 102×126 pixels, B G R.
int lz_test_wlt2bgr(const unsigned char* wlt, unsigned char* out) {
    if (!placeholder(wlt))
        return 0;
    faults(wlt[6]);
    unsigned char b, g, r;
    colour(wlt[6], b, g, r);
    for (int i = 0; i < kWidth * kHeight; ++i) {
        out[3 * i] = b;
        out[3 * i + 1] = g;
        out[3 * i + 2] = r;
    }
    return 1;
}
}
