#pragma once
// Camera frames to QR text, fast on the real case (a phone screen at 2.5–8 px per module):
//   1. the region where the last code was, padded (a held phone barely moves between frames);
//   2. the whole frame with ZXing's fast settings;
//   3. code-like regions found by a cheap edge-density search on a half-size image, upscaled
//      (ZXing misses codes below ~4 px per module; the upscale recovers most), inverted when
//      the region is a dark screen (ZXing 1.4 cannot read light-on-dark codes), then through
//      our own binarizations (global, local narrow and wide, CLAHE) when ZXing's fail;
//   4. the best region rectified, sharpened, and at another scale;
//   5. the whole frame with tryHarder and with a wide local threshold, only while a candidate
//      region exists (so an empty desk costs one cheap pass and the search, not every retry).
//   See docs/scanning.md for why each step exists.
// The same candidate search gives the guest's hint (move closer, hold still, glare).
#include "qr/ScanHint.h"

#include <QString>
#include <opencv2/core/mat.hpp>
#include <optional>

namespace lz {

struct FrameDecodeResult {
    std::optional<QString> text;
    cv::Rect region; // where the code (or the best candidate) is, in frame pixels
    ScanHint hint = ScanHint::NoCode;
    const char* strategy = ""; // which attempt decoded it: "roi", "full", "upscaled", "inverted", "harder"
    int attempts = 0;
};

class QrFrameDecoder {
public:
    FrameDecodeResult decode(const cv::Mat& frame);
    void reset() { m_last.reset(); }

private:
    std::optional<cv::Rect> m_last; // region of the last decoded code
};

} // namespace lz
