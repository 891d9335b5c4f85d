#pragma once
// The set of revoked credential ids of one issuer, sized for a national population.
//
// Why this structure: ids are 64-bit serials (docs/credential-format.md). An exact set of
// 10 million of them as a sorted uint64 array needs 80 MB; a hash set more. We first apply a
// bijective 64-bit mixer (so sequential serials spread evenly and no two ids collide), use the
// top 16 bits of the mixed value as a bucket index (65,537 offsets, 256 KiB) and store only the
// remaining 48 bits, sorted within each bucket: 6 bytes per id, 60 MB for 10 M, exact (no false
// positives, unlike a Bloom or xor filter, which would wrongly reject valid people). A lookup
// is one offset read and a binary search in ~150 entries (a few cache lines). Building is a
// counting sort by bucket plus small sorts, in two linear passes with no 80 MB temporary.
#include <QByteArrayView>
#include <cstdint>
#include <vector>

namespace lz {

class RevocationSet {
public:
    RevocationSet() = default;
    // ids: count concatenated 8-byte big-endian serials, in any order; duplicates allowed.
    static RevocationSet build(const char* ids, std::size_t count);

    bool contains(std::uint64_t id) const;
    bool contains(QByteArrayView id8) const; // false unless exactly 8 bytes and revoked
    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.back(); }
    std::size_t memoryBytes() const {
        return m_offsets.capacity() * sizeof(std::uint32_t) + m_rest.capacity();
    }

    static std::uint64_t readSerial(const char* p); // big-endian 8 bytes

private:
    static constexpr int kBucketBits = 16;
    static constexpr int kRestBytes = 6;
    std::vector<std::uint32_t> m_offsets; // bucket b spans [m_offsets[b], m_offsets[b+1])
    std::vector<std::uint8_t> m_rest;     // low 48 bits of the mixed id, little-endian, 6 bytes each
};

} // namespace lz
