#pragma once
// One camera frame, as it travels from a source to the decoder and the preview.
#include "util/SteadyClock.h" // steadyNowNs(), the frames' capture time

#include <QtGlobal>
#include <opencv2/core/mat.hpp>

namespace lz {

struct Frame {
    cv::Mat image;         // 8-bit, BGR (3 channels) or gray (1 channel)
    qint64 sequence = 0;   // counts frames read from the source, from 0
    qint64 capturedNs = 0; // steady-clock time the source delivered it (frame-to-verdict latency)
};

} // namespace lz
