#include "qr/QrFrameDecoder.h"

#include <ZXing/ReadBarcode.h>
#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace lz {
namespace {

struct ZxResult {
    std::optional<QString> text;
    cv::Rect box; // in the coordinates of the image given
};

ZxResult zxing(const cv::Mat& gray, bool harder,
               ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(harder);
    hints.setTryRotate(false); // QR finder patterns are rotation invariant; this flag only rotates by 90°
    hints.setTryDownscale(false);
    hints.setBinarizer(binarizer);
    const cv::Mat g = gray.isContinuous() ? gray : gray.clone();
    const ZXing::ImageView view(g.data, g.cols, g.rows, ZXing::ImageFormat::Lum, int(g.step));
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid())
        return {};
    int x0 = g.cols, y0 = g.rows, x1 = 0, y1 = 0;
    for (const auto& p : r.position()) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {QString::fromStdString(r.text()), cv::Rect(cv::Point(x0, y0), cv::Point(x1 + 1, y1 + 1))};
}

cv::Rect pad(const cv::Rect& r, double factor, const cv::Size& bounds) {
    const int dx = int(r.width * factor), dy = int(r.height * factor);
    return cv::Rect(r.x - dx, r.y - dy, r.width + 2 * dx, r.height + 2 * dy) &
           cv::Rect(cv::Point(0, 0), bounds);
}

struct Candidate {
    cv::Rect box;
    std::vector<cv::Point2f> quad; // corners in frame pixels: tl, tr, br, bl
    double score = 0;
};

// Orders four corners clockwise from the top-left (smallest x+y).
std::vector<cv::Point2f> ordered(std::vector<cv::Point2f> q) {
    const cv::Point2f c = (q[0] + q[1] + q[2] + q[3]) * 0.25f;
    std::sort(q.begin(), q.end(), [c](const cv::Point2f& a, const cv::Point2f& b) {
        return std::atan2(a.y - c.y, a.x - c.x) < std::atan2(b.y - c.y, b.x - c.x);
    });
    const auto tl = std::min_element(
        q.begin(), q.end(), [](const cv::Point2f& a, const cv::Point2f& b) { return a.x + a.y < b.x + b.y; });
    std::rotate(q.begin(), tl, q.end());
    return q;
}

// Code-like blobs in one binarised edge map: dense, strong edges in a roughly square shape.
void collectBlobs(const cv::Mat& bin, const cv::Mat& grad, int scale, const cv::Size& frame,
                  std::vector<Candidate>& out) {
    std::vector<std::vector<cv::Point>> contours;
    // All contours, not just outer ones: the code's blob sits inside the phone's outline.
    cv::findContours(bin, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& c : contours) {
        const cv::RotatedRect rr = cv::minAreaRect(c);
        const double w = rr.size.width, h = rr.size.height;
        if (w < 16 || h < 16)
            continue;
        const double aspect = std::min(w, h) / std::max(w, h);
        const double fill = cv::contourArea(c) / (w * h);
        if (aspect < 0.6 || fill < 0.55)
            continue;
        const cv::Rect b = cv::boundingRect(c);
        const double density = cv::mean(grad(b))[0];
        if (density < 35) // an outline (phone edge, paper) rather than a field of modules
            continue;
        // The blob's outline as a quadrilateral (perspective), else its rotated rectangle.
        std::vector<cv::Point> hull, poly;
        cv::convexHull(c, hull);
        cv::approxPolyDP(hull, poly, 0.04 * cv::arcLength(hull, true), true);
        std::vector<cv::Point2f> quad(4);
        if (poly.size() == 4)
            for (int k = 0; k < 4; ++k)
                quad[size_t(k)] = cv::Point2f(poly[size_t(k)]) * float(scale);
        else {
            rr.points(quad.data());
            for (auto& p : quad)
                p *= float(scale);
        }
        out.push_back({cv::Rect(b.x * scale, b.y * scale, b.width * scale, b.height * scale) &
                           cv::Rect(cv::Point(0, 0), frame),
                       ordered(quad), aspect * fill * density * std::sqrt(w * h)});
    }
}

// Code-like regions, best first. Runs on a half-size image (a quarter-size one averages
// modules below ~3 px into grey and loses small codes). Two edge maps: one closed tightly and
// opened, which keeps a small code apart from the phone's bezel when its quiet zone is only a
// few pixels wide (a wide closing merges them into one non-square blob); and one closed widely,
// which keeps a large code's sparse edges in one piece.
std::vector<Candidate> candidates(const cv::Mat& gray) {
    constexpr int kScale = 2;
    cv::Mat small, grad, edges, tight, wide;
    cv::resize(gray, small, cv::Size(gray.cols / kScale, gray.rows / kScale), 0, 0, cv::INTER_AREA);
    cv::morphologyEx(small, grad, cv::MORPH_GRADIENT,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::threshold(grad, edges, 40, 255, cv::THRESH_BINARY);
    const cv::Mat k5 = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5));
    cv::morphologyEx(edges, tight, cv::MORPH_CLOSE, k5);
    cv::morphologyEx(tight, tight, cv::MORPH_OPEN, k5);
    cv::morphologyEx(edges, wide, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(9, 9)));
    std::vector<Candidate> all, out;
    collectBlobs(tight, grad, kScale, gray.size(), all);
    collectBlobs(wide, grad, kScale, gray.size(), all);
    std::sort(all.begin(), all.end(),
              [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    for (const Candidate& c : all) { // the same blob from both maps counts once
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Candidate& o) {
            return (o.box & c.box).area() > 0.6 * std::min(o.box.area(), c.box.area());
        });
        if (!seen)
            out.push_back(c);
        if (out.size() == 2)
            break;
    }
    return out;
}

ScanHint hintFor(const cv::Mat& gray, const cv::Rect& region) {
    const cv::Mat roi = gray(region);
    const double side = std::sqrt(double(region.area()));
    if (side > 0.9 * gray.rows)
        return ScanHint::TooLarge;
    if (side < 150) // a version 10-20 code below ~2.5 px per module
        return ScanHint::TooSmall;
    // Glare: saturated areas larger than a few modules inside the code (the white gaps between
    // modules and the screen's margin are thin or outside; an opening removes them).
    const cv::Rect inner(region.width / 6, region.height / 6, region.width * 2 / 3, region.height * 2 / 3);
    cv::Mat saturated = roi(inner) >= 250;
    const int k = std::max(3, int(side / 25));
    cv::morphologyEx(saturated, saturated, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
    if (cv::countNonZero(saturated) > 0.08 * double(inner.area()))
        return ScanHint::Glare;
    cv::Mat lap;
    cv::Laplacian(roi, lap, CV_16S);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    if (stddev[0] < 25)
        return ScanHint::Blurred;
    return ScanHint::None;
}

// Warps the candidate's quadrilateral to an upright square of about 850 px with a quiet zone:
// undoes rotation and perspective (keystone) that ZXing's detector cannot follow.
cv::Mat rectify(const cv::Mat& gray, const Candidate& c, bool inverted) {
    constexpr float kSide = 850, kMargin = 40;
    const std::vector<cv::Point2f> dst{{kMargin, kMargin},
                                       {kMargin + kSide, kMargin},
                                       {kMargin + kSide, kMargin + kSide},
                                       {kMargin, kMargin + kSide}};
    cv::Mat out;
    cv::warpPerspective(gray, out, cv::getPerspectiveTransform(c.quad, dst),
                        cv::Size(int(kSide + 2 * kMargin), int(kSide + 2 * kMargin)), cv::INTER_LINEAR,
                        cv::BORDER_REPLICATE);
    if (inverted)
        cv::bitwise_not(out, out);
    return out;
}

// A light-on-dark code has a dark quiet zone: compare the ring around the region with it.
bool darkQuietZone(const cv::Mat& gray, const cv::Rect& region) {
    const cv::Rect outer = pad(region, 0.12, gray.size());
    const double outerSum = cv::sum(gray(outer))[0], innerSum = cv::sum(gray(region))[0];
    const double ringArea = double(outer.area() - region.area());
    // Relative, not absolute: in low light a white quiet zone is dark grey, yet still brighter
    // than the code's own half-dark average.
    return ringArea > 0 && (outerSum - innerSum) / ringArea < 0.9 * innerSum / double(region.area());
}

} // namespace

QString scanHintName(ScanHint hint) {
    switch (hint) {
    case ScanHint::None:
        return QStringLiteral("none");
    case ScanHint::NoCode:
        return QStringLiteral("no_code");
    case ScanHint::TooSmall:
        return QStringLiteral("too_small");
    case ScanHint::TooLarge:
        return QStringLiteral("too_large");
    case ScanHint::Blurred:
        return QStringLiteral("blurred");
    case ScanHint::Glare:
        return QStringLiteral("glare");
    }
    return {};
}

FrameDecodeResult QrFrameDecoder::decode(const cv::Mat& frame) {
    FrameDecodeResult out;
    if (frame.empty())
        return out;
    cv::Mat gray;
    if (frame.channels() == 1)
        gray = frame;
    else
        cv::cvtColor(frame, gray, frame.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    const cv::Rect whole(0, 0, gray.cols, gray.rows);
    auto found = [&](const ZxResult& r, const cv::Rect& offsetRegion, double scale, const char* strategy) {
        const cv::Rect box(offsetRegion.x + int(r.box.x / scale), offsetRegion.y + int(r.box.y / scale),
                           int(r.box.width / scale), int(r.box.height / scale));
        out.text = r.text;
        out.region = box & whole;
        out.hint = ScanHint::None;
        out.strategy = strategy;
        m_last = out.region;
        return out;
    };

    // 1. Where the code was in the last frame.
    if (m_last) {
        const cv::Rect roi = pad(*m_last, 0.5, gray.size());
        ++out.attempts;
        if (auto r = zxing(gray(roi), false); r.text)
            return found(r, roi, 1.0, "roi");
        m_last.reset();
    }
    // 2. The whole frame, fast.
    ++out.attempts;
    if (auto r = zxing(gray, false); r.text)
        return found(r, whole, 1.0, "full");

    // 3. Candidate regions, upscaled (small modules) and/or inverted (dark screens).
    const std::vector<Candidate> cands = candidates(gray);
    if (cands.empty())
        return out; // NoCode: nothing code-like; no further work on an empty desk
    for (const Candidate& c : cands) {
        const cv::Rect roi = pad(c.box, 0.15, gray.size());
        cv::Mat region = gray(roi), up;
        // Bring the region to ~850 px: small modules grow to a size ZXing's binarizer reads.
        const double scale = std::clamp(850.0 / std::sqrt(double(roi.area())), 1.0, 3.0);
        if (scale > 1.05)
            cv::resize(region, up, cv::Size(), scale, scale, cv::INTER_CUBIC);
        else
            up = region.clone();
        const bool inverted = darkQuietZone(gray, c.box);
        if (inverted)
            cv::bitwise_not(up, up);
        ++out.attempts;
        if (auto r = zxing(up, false); r.text)
            return found(r, roi, scale, inverted ? "inverted" : "upscaled");
        // Small, soft modules: one global (Otsu) threshold over the upscaled region often
        // separates them where ZXing's local-average binarizer breaks them up.
        if (scale > 1.5) {
            cv::Mat bin;
            cv::threshold(up, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
            ++out.attempts;
            if (auto r = zxing(bin, false, ZXing::Binarizer::FixedThreshold); r.text)
                return found(r, roi, scale, "thresholded");
            // Blur: a local threshold over about two modules after a slight blur.
            cv::Mat soft, local;
            cv::GaussianBlur(up, soft, cv::Size(0, 0), scale * 0.4);
            cv::adaptiveThreshold(soft, local, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY,
                                  int(scale * 10) | 1, 2);
            ++out.attempts;
            if (auto r = zxing(local, false, ZXing::Binarizer::FixedThreshold); r.text)
                return found(r, roi, scale, "adaptive");
        }
        // Glare and uneven light: a wider local (Gaussian-weighted) threshold over about six modules
        // (a version 10-20 code is 57-97 modules wide) after a slight blur. ZXing's own local
        // binarizer uses a fixed small window, which a reflection's soft edge defeats.
        {
            const int block = std::max(15, int(std::sqrt(double(c.box.area())) * scale / 12)) | 1;
            cv::Mat soft, local;
            cv::GaussianBlur(up, soft, cv::Size(0, 0), std::max(0.8, scale * 0.4));
            cv::adaptiveThreshold(soft, local, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, block,
                                  2);
            ++out.attempts;
            if (auto r = zxing(local, false, ZXing::Binarizer::FixedThreshold); r.text)
                return found(r, roi, scale, "adaptive-wide");
        }
        // A large reflection: contrast-limited local equalisation brings back the faint modules
        // around the saturated spot (error correction covers the spot itself).
        cv::Mat equalised;
        cv::createCLAHE(4.0, cv::Size(8, 8))->apply(up, equalised);
        ++out.attempts;
        if (auto r = zxing(equalised, false); r.text)
            return found(r, roi, scale, "equalised");
    }
    // 4. The best candidate rectified (rotation, keystone), then the whole frame trying harder.
    {
        const Candidate& c = cands.front();
        ++out.attempts;
        if (auto r = zxing(rectify(gray, c, darkQuietZone(gray, c.box)), false); r.text)
            return found({r.text, c.box}, whole, 1.0,
                         "rectified"); // rectified coordinates: use the candidate
        // Small codes smeared by noise or moire: a 2x cubic upscale sharpened by an unsharp mask
        // (a poor man's super-resolution), read with both of ZXing's binarizers; then, since
        // near the resolution limit where the sampling grid falls decides the outcome, a 1.5x
        // scale with the global-histogram binarizer.
        const cv::Rect roi = pad(c.box, 0.15, gray.size());
        const bool inverted = darkQuietZone(gray, c.box);
        cv::Mat up, soft, sharp;
        cv::resize(gray(roi), up, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        cv::GaussianBlur(up, soft, cv::Size(0, 0), 1.4);
        cv::addWeighted(up, 2.0, soft, -1.0, 0, sharp);
        if (inverted)
            cv::bitwise_not(sharp, sharp);
        ++out.attempts;
        if (auto r = zxing(sharp, false); r.text)
            return found(r, roi, 2.0, "sharpened");
        ++out.attempts;
        if (auto r = zxing(sharp, true, ZXing::Binarizer::GlobalHistogram); r.text)
            return found(r, roi, 2.0, "sharpened");
        cv::resize(gray(roi), up, cv::Size(), 1.5, 1.5, cv::INTER_CUBIC);
        if (inverted)
            cv::bitwise_not(up, up);
        ++out.attempts;
        if (auto r = zxing(up, true, ZXing::Binarizer::GlobalHistogram); r.text)
            return found(r, roi, 1.5, "histogram");
    }
    // 5. The whole frame, trying harder, since something code-like is in view.
    ++out.attempts;
    if (auto r = zxing(gray, true); r.text)
        return found(r, whole, 1.0, "harder");

    // 6. The whole frame upscaled 1.5x under a wide local threshold: recovers codes the candidate
    //    search framed badly (strong keystone, a reflection splitting the blob).
    {
        constexpr double kUp = 1.5;
        cv::Mat up, local;
        cv::resize(gray, up, cv::Size(), kUp, kUp, cv::INTER_LINEAR);
        cv::adaptiveThreshold(up, local, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 37, 2);
        ++out.attempts;
        if (auto r = zxing(local, false, ZXing::Binarizer::FixedThreshold); r.text)
            return found(r, whole, kUp, "wide-adaptive");
    }

    out.region = cands.front().box;
    out.hint = hintFor(gray, out.region);
    if (out.hint == ScanHint::None)
        out.hint = ScanHint::Blurred; // code-like, sharp enough by our measure, still unreadable
    return out;
}

} // namespace lz
