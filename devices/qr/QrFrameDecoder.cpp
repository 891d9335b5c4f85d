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

ZxResult zxing(const cv::Mat& gray, bool harder) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(harder);
    hints.setTryRotate(false); // QR finder patterns are rotation invariant; this flag only rotates by 90°
    hints.setTryDownscale(false);
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
    double score = 0;
};

// Code-like regions: dense, strong edges in a roughly square blob. Runs on a quarter-size
// image (~0.5 ms for 1280x720).
std::vector<Candidate> candidates(const cv::Mat& gray) {
    constexpr int kScale = 4;
    cv::Mat small, grad, bin;
    cv::resize(gray, small, cv::Size(gray.cols / kScale, gray.rows / kScale), 0, 0, cv::INTER_AREA);
    cv::morphologyEx(small, grad, cv::MORPH_GRADIENT,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::threshold(grad, bin, 40, 255, cv::THRESH_BINARY);
    cv::morphologyEx(bin, bin, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
    std::vector<std::vector<cv::Point>> contours;
    // All contours, not just outer ones: the code's blob sits inside the phone's outline.
    cv::findContours(bin, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    std::vector<Candidate> out;
    for (const auto& c : contours) {
        const cv::RotatedRect rr = cv::minAreaRect(c);
        const double w = rr.size.width, h = rr.size.height;
        if (w < 8 || h < 8)
            continue;
        const double aspect = std::min(w, h) / std::max(w, h);
        const double fill = cv::contourArea(c) / (w * h);
        if (aspect < 0.6 || fill < 0.55)
            continue;
        const cv::Rect b = cv::boundingRect(c);
        const double density = cv::mean(grad(b))[0];
        if (density < 35) // an outline (phone edge, paper) rather than a field of modules
            continue;
        out.push_back({cv::Rect(b.x * kScale, b.y * kScale, b.width * kScale, b.height * kScale) &
                           cv::Rect(0, 0, gray.cols, gray.rows),
                       aspect * fill * density * std::sqrt(w * h)});
    }
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (out.size() > 2)
        out.resize(2);
    return out;
}

ScanHint hintFor(const cv::Mat& gray, const cv::Rect& region) {
    const cv::Mat roi = gray(region);
    const double side = std::sqrt(double(region.area()));
    if (side > 0.9 * gray.rows)
        return ScanHint::TooLarge;
    if (cv::countNonZero(roi >= 250) > 0.04 * roi.total())
        return ScanHint::Glare;
    if (side < 150) // a version 10-20 code below ~2.5 px per module
        return ScanHint::TooSmall;
    cv::Mat lap;
    cv::Laplacian(roi, lap, CV_16S);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    if (stddev[0] < 25)
        return ScanHint::Blurred;
    return ScanHint::None;
}

// A light-on-dark code has a dark quiet zone: compare the ring around the region with it.
bool darkQuietZone(const cv::Mat& gray, const cv::Rect& region) {
    const cv::Rect outer = pad(region, 0.12, gray.size());
    const double outerSum = cv::sum(gray(outer))[0], innerSum = cv::sum(gray(region))[0];
    const double ringArea = double(outer.area() - region.area());
    return ringArea > 0 && (outerSum - innerSum) / ringArea < 90;
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
            cv::resize(region, up, cv::Size(), scale, scale, cv::INTER_LINEAR);
        else
            up = region.clone();
        if (darkQuietZone(gray, c.box)) {
            cv::bitwise_not(up, up);
            ++out.attempts;
            if (auto r = zxing(up, false); r.text)
                return found(r, roi, scale, "inverted");
        } else {
            ++out.attempts;
            if (auto r = zxing(up, false); r.text)
                return found(r, roi, scale, "upscaled");
        }
    }
    // 4. The whole frame, trying harder, since something code-like is in view.
    ++out.attempts;
    if (auto r = zxing(gray, true); r.text)
        return found(r, whole, 1.0, "harder");

    out.region = cands.front().box;
    out.hint = hintFor(gray, out.region);
    if (out.hint == ScanHint::None)
        out.hint = ScanHint::Blurred; // code-like, sharp enough by our measure, still unreadable
    return out;
}

} // namespace lz
