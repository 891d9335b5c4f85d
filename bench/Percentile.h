#pragma once
// The p-th fraction (0..1) of a sample by nearest rank: what the benchmarks' bars are stated in.
#include <algorithm>
#include <vector>

namespace lz::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace lz::bench
