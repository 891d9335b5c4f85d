#pragma once
// A network's input exactly as face-api builds it (src/dom/NetInput.ts toBatchTensor): the
// region padded with black to a square (at the bottom/right, or centred), resized with TF.js's
// bilinear rule (source = destination × in/out, no half-pixel centres — cv::resize samples
// differently, and the landmarks would drift by a pixel), minus a per-channel RGB mean, / 255.
#include <opencv2/core.hpp>

namespace lz::face {

struct RgbMean {
    float r, g, b;
};

// `bgr`: 8-bit BGR (OpenCV's order); `region` inside it. Returns a 1×3×size×size NCHW blob in RGB.
cv::Mat netInput(const cv::Mat& bgr, cv::Rect region, int size, bool centre, RgbMean mean);

// The square side and where the region sits in it: what the landmark and detector decoding need.
struct SquareFit {
    int side;
    int offsetX, offsetY; // black added before the region
};
SquareFit squareFit(int width, int height, bool centre);

} // namespace lz::face
