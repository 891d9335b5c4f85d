#include "face/FaceGeometry.h"

#include <algorithm>
#include <cmath>

namespace lz::face {

namespace {

double distance(PointD a, PointD b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

double eyeRatio(const Landmarks& p, int i) { // i = the eye's first point (36 or 42)
    const double vertical =
        distance(p[size_t(i + 1)], p[size_t(i + 5)]) + distance(p[size_t(i + 2)], p[size_t(i + 4)]);
    const double horizontal = distance(p[size_t(i)], p[size_t(i + 3)]);
    return horizontal > 0 ? vertical / (2 * horizontal) : 0;
}

} // namespace

IntBox clipToImage(const BoxD& box, int imageWidth, int imageHeight) {
    const double x = std::max(box.x, 0.0), y = std::max(box.y, 0.0);
    const double w = std::min(box.x + box.width - x, imageWidth - x);
    const double h = std::min(box.y + box.height - y, imageHeight - y);
    return {int(std::floor(x)), int(std::floor(y)), int(std::floor(w)), int(std::floor(h))};
}

PointD centreOf(const Landmarks& pts, int first, int last) {
    PointD sum;
    for (int i = first; i <= last; ++i) {
        sum.x += pts[size_t(i)].x;
        sum.y += pts[size_t(i)].y;
    }
    const int n = last - first + 1;
    return {sum.x / n, sum.y / n};
}

IntBox descriptorCrop(const Landmarks& pts, int cropWidth, int cropHeight) {
    const PointD leftEye = centreOf(pts, 36, 41), rightEye = centreOf(pts, 42, 47),
                 mouth = centreOf(pts, 48, 67);
    const double eyeToMouth = (distance(mouth, leftEye) + distance(mouth, rightEye)) / 2;
    const int size = int(std::floor(eyeToMouth / 0.45));
    const PointD ref{(leftEye.x + rightEye.x + mouth.x) / 3, (leftEye.y + rightEye.y + mouth.y) / 3};
    const int x = int(std::floor(std::max(0.0, ref.x - 0.5 * size)));
    const int y = int(std::floor(std::max(0.0, ref.y - 0.43 * size)));
    return {x, y, std::min(size, cropWidth + x), std::min(size, cropHeight + y)};
}

double eyeAspectRatio(const Landmarks& pts) {
    return (eyeRatio(pts, 36) + eyeRatio(pts, 42)) / 2;
}

double eyeSpan(const Landmarks& pts) {
    return distance(pts[36], pts[45]);
}

double yawRatio(const Landmarks& pts) {
    // The nose tip (30) against the midpoint of the outer eye corners (36, 45), along the line
    // between those corners, relative to half the span: turning the head moves the tip sideways
    // while the corners stay roughly put.
    const PointD a = pts[36], b = pts[45], tip = pts[30];
    const double span = distance(a, b);
    if (span <= 0)
        return 0;
    const PointD mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const double along = ((tip.x - mid.x) * (b.x - a.x) + (tip.y - mid.y) * (b.y - a.y)) / span;
    return along / (span / 2);
}

} // namespace lz::face
