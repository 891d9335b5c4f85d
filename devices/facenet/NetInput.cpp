#include "facenet/NetInput.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lz::face {

SquareFit squareFit(int width, int height, bool centre) {
    const int diff = std::abs(height - width);
    // face-api appends round(diff × ½) (or all of it) and prepends the rest.
    const int append = centre ? int(std::lround(diff * 0.5)) : diff;
    const int prepend = diff - append;
    if (height > width)
        return {height, prepend, 0};
    return {width, 0, prepend};
}

namespace {

// TF.js's CPU kernel for one axis (alignCorners = false, halfPixelCenters = false).
struct Tap {
    int lo, hi;
    double frac;
};

std::vector<Tap> taps(int in, int out) {
    std::vector<Tap> t(static_cast<size_t>(out));
    const double ratio = double(in) / double(out);
    for (int i = 0; i < out; ++i) {
        const double src = ratio * i;
        const int lo = int(std::floor(src));
        t[size_t(i)] = {lo, std::min(in - 1, int(std::ceil(src))), src - lo};
    }
    return t;
}

} // namespace

cv::Mat netInput(const cv::Mat& bgr, cv::Rect region, int size, bool centre, RgbMean mean) {
    region &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    const SquareFit fit = squareFit(region.width, region.height, centre);
    const int sz[] = {1, 3, size, size};
    cv::Mat blob(4, sz, CV_32F);
    float* planes[3] = {blob.ptr<float>(0, 0), blob.ptr<float>(0, 1), blob.ptr<float>(0, 2)};
    const float means[3] = {mean.r, mean.g, mean.b};
    // A pixel of the padded square, as float RGB (black outside the region).
    auto pixel = [&](int y, int x, int ch) -> double {
        const int ry = y - fit.offsetY, rx = x - fit.offsetX;
        if (ry < 0 || rx < 0 || ry >= region.height || rx >= region.width)
            return 0.0;
        return bgr.ptr<uchar>(region.y + ry)[3 * (region.x + rx) + (2 - ch)];
    };
    const bool resize = fit.side != size;
    const std::vector<Tap> t = taps(fit.side, size);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            for (int ch = 0; ch < 3; ++ch) {
                double v;
                if (!resize) {
                    v = pixel(y, x, ch);
                } else {
                    const Tap& ty = t[size_t(y)];
                    const Tap& tx = t[size_t(x)];
                    const double tl = pixel(ty.lo, tx.lo, ch), tr = pixel(ty.lo, tx.hi, ch);
                    const double bl = pixel(ty.hi, tx.lo, ch), br = pixel(ty.hi, tx.hi, ch);
                    const double top = tl + (tr - tl) * tx.frac;
                    const double bottom = bl + (br - bl) * tx.frac;
                    v = float(top + (bottom - top) * ty.frac); // TF.js stores the result as float32
                }
                planes[ch][y * size + x] = (float(v) - means[ch]) / 255.f;
            }
        }
    }
    return blob;
}

} // namespace lz::face
