#pragma once
// The steady clock in nanoseconds (CLOCK_MONOTONIC): latency figures from a camera frame, a tap
// or a card to its verdict, compared across threads and libraries.
#include <QtGlobal>
#include <chrono>

namespace lz {

inline qint64 steadyNowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace lz
