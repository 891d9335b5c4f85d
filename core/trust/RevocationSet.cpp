#include "trust/RevocationSet.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace lz {
namespace {

// splitmix64's finalizer: every step (xor-shift, multiply by an odd constant) is invertible,
// so the whole map is a bijection on 64-bit values and the set stays exact.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static_assert(std::endian::native == std::endian::little, "the 6-byte rest encoding assumes little-endian");
constexpr std::uint64_t kRestMask = (std::uint64_t(1) << 48) - 1;

std::uint64_t loadRest(const std::uint8_t* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 6); // little-endian hosts only (x86_64, aarch64)
    return v;
}

void storeRest(std::uint8_t* p, std::uint64_t v) {
    std::memcpy(p, &v, 6);
}

} // namespace

std::uint64_t RevocationSet::readSerial(const char* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<std::uint8_t>(p[i]);
    return v;
}

RevocationSet RevocationSet::build(const char* ids, std::size_t count) {
    RevocationSet set;
    const std::size_t buckets = std::size_t(1) << kBucketBits;
    set.m_offsets.assign(buckets + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        ++set.m_offsets[(mix(readSerial(ids + 8 * i)) >> 48) + 1];
    for (std::size_t b = 0; b < buckets; ++b)
        set.m_offsets[b + 1] += set.m_offsets[b];
    set.m_rest.resize(count * kRestBytes);
    std::vector<std::uint32_t> cursor(set.m_offsets.begin(), set.m_offsets.end() - 1);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t key = mix(readSerial(ids + 8 * i));
        storeRest(&set.m_rest[std::size_t(cursor[key >> 48]++) * kRestBytes], key & kRestMask);
    }
    std::vector<std::uint64_t> scratch;
    for (std::size_t b = 0; b < buckets; ++b) {
        const std::uint32_t lo = set.m_offsets[b], hi = set.m_offsets[b + 1];
        scratch.clear();
        for (std::uint32_t i = lo; i < hi; ++i)
            scratch.push_back(loadRest(&set.m_rest[std::size_t(i) * kRestBytes]));
        std::sort(scratch.begin(), scratch.end());
        for (std::uint32_t i = lo; i < hi; ++i)
            storeRest(&set.m_rest[std::size_t(i) * kRestBytes], scratch[i - lo]);
    }
    return set;
}

bool RevocationSet::contains(std::uint64_t id) const {
    if (m_offsets.empty())
        return false;
    const std::uint64_t key = mix(id);
    std::uint32_t lo = m_offsets[key >> 48], hi = m_offsets[(key >> 48) + 1];
    const std::uint64_t rest = key & kRestMask;
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        const std::uint64_t v = loadRest(&m_rest[std::size_t(mid) * kRestBytes]);
        if (v == rest)
            return true;
        if (v < rest)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool RevocationSet::contains(QByteArrayView id8) const {
    return id8.size() == 8 && contains(readSerial(id8.data()));
}

} // namespace lz
