#include "camera/PhoneScreenRenderer.h"

#include "qr/QrRender.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <random>

namespace lz {

cv::Mat renderDesk(cv::Size size, std::mt19937& rng) {
    cv::Mat bg(size, CV_8UC3);
    std::uniform_int_distribution<int> base(90, 170);
    const int b = base(rng);
    for (int y = 0; y < size.height; ++y)
        bg.row(y).setTo(cv::Scalar(b + y * 40 / size.height, b + 10, b + 20 - y * 30 / size.height));
    std::uniform_int_distribution<int> x(0, size.width), yy(0, size.height), shade(20, 250), n(3, 8);
    for (int i = 0, count = n(rng); i < count; ++i) {
        const cv::Point p(x(rng), yy(rng));
        const cv::Point q(p.x + x(rng) / 4, p.y + yy(rng) / 4);
        cv::rectangle(bg, p, q, cv::Scalar(shade(rng), shade(rng), shade(rng)), cv::FILLED);
    }
    for (int i = 0, count = n(rng); i < count; ++i)
        cv::line(bg, cv::Point(x(rng), yy(rng)), cv::Point(x(rng), yy(rng)),
                 cv::Scalar(shade(rng), shade(rng), shade(rng)), 2 + int(rng() % 6));
    return bg;
}

namespace {

// The phone's screen content (BGR), upright, and the frame it is held in.
cv::Mat renderPhoneWith(cv::Mat screen, const PhoneScene& s, cv::Size frameSize);

} // namespace

cv::Mat renderPhoneFrame(const QString& text, const PhoneScene& s, cv::Size frameSize) {
    cv::Mat screen;
    if (!text.isEmpty()) {
        const QrSymbol qr = renderQr(text, 1, 0);
        const int codeSide = std::max(1, int(std::lround(qr.modules * s.modulePx)));
        cv::resize(qr.image, screen, cv::Size(codeSide, codeSide), 0, 0, cv::INTER_NEAREST);
    } else {
        const int codeSide = int(std::lround(57 * s.modulePx));
        screen = cv::Mat(codeSide, codeSide, CV_8UC1, cv::Scalar(255));
    }
    cv::cvtColor(screen, screen, cv::COLOR_GRAY2BGR);
    return renderPhoneWith(screen, s, frameSize);
}

cv::Mat renderPhoneFrame(const cv::Mat& picture, const PhoneScene& s, cv::Size frameSize) {
    // As wide on the screen as a code would be (57 modules).
    const int width = int(std::lround(57 * s.modulePx));
    cv::Mat screen;
    cv::resize(picture, screen,
               cv::Size(width, std::max(1, width * picture.rows / std::max(1, picture.cols))), 0, 0,
               cv::INTER_AREA);
    return renderPhoneWith(screen, s, frameSize);
}

namespace {

cv::Mat renderPhoneWith(cv::Mat screen, const PhoneScene& s, cv::Size frameSize) {
    std::mt19937 rng(s.seed);
    cv::Mat frame = renderDesk(frameSize, rng);
    const int codeSide = screen.cols, codeHeight = screen.rows;
    const int margin = int(std::lround(6 * s.modulePx)) + 10;
    cv::copyMakeBorder(screen, screen, margin, margin + codeSide / 3, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(255, 255, 255));
    if (s.inverted)
        cv::bitwise_not(screen, screen); // dark screen, light modules
    const int body = std::max(8, codeSide / 12);
    cv::Mat phone;
    cv::copyMakeBorder(screen, phone, body * 2, body * 2, body, body, cv::BORDER_CONSTANT,
                       cv::Scalar(25, 25, 25));

    // Place it: rotation about the code's centre, perspective from the tilts.
    const float w = float(phone.cols), h = float(phone.rows);
    const cv::Point2f codeCentre(body + margin + codeSide / 2.f, body * 2 + margin + codeHeight / 2.f);
    std::vector<cv::Point2f> src{{0, 0}, {w, 0}, {w, h}, {0, h}}, dst;
    const double a = s.rotationDeg * CV_PI / 180.0;
    const cv::Point2f target(float(s.centerX * frameSize.width), float(s.centerY * frameSize.height));
    for (const cv::Point2f& p : src) {
        cv::Point2f d = p - codeCentre;
        // Perspective: shrink the far edge (tilt > 0 brings the top nearer).
        const float fy = 1.f + float(s.tiltX) * (d.y / (h / 2.f)) * -0.5f;
        const float fx = 1.f + float(s.tiltY) * (d.x / (w / 2.f)) * -0.5f;
        d = cv::Point2f(d.x * fy, d.y * fx);
        dst.emplace_back(float(d.x * std::cos(a) - d.y * std::sin(a)) + target.x,
                         float(d.x * std::sin(a) + d.y * std::cos(a)) + target.y);
    }
    const cv::Mat m = cv::getPerspectiveTransform(src, dst);
    cv::Mat warped, mask;
    cv::warpPerspective(phone, warped, m, frameSize, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                        cv::Scalar(0, 0, 0));
    cv::warpPerspective(cv::Mat(phone.size(), CV_8UC1, cv::Scalar(255)), mask, m, frameSize,
                        cv::INTER_NEAREST);
    warped.copyTo(frame, mask);

    cv::Mat f;
    frame.convertTo(f, CV_32FC3);
    if (s.moire) { // stripes at a slant, a few percent deep, as when filming a display
        const double period = 3.0 + double(rng() % 40) / 10.0, angle = double(rng() % 180) * CV_PI / 180.0;
        for (int y = 0; y < f.rows; ++y) {
            auto* row = f.ptr<cv::Vec3f>(y);
            for (int x = 0; x < f.cols; ++x) {
                const float k =
                    1.f - 0.12f * float(0.5 + 0.5 * std::sin((x * std::cos(angle) + y * std::sin(angle)) * 2 *
                                                             CV_PI / period));
                row[x] *= k;
            }
        }
    }
    std::uniform_real_distribution<double> ux(0.3, 0.7), jitter(-0.15, 0.15);
    for (int i = 0; i < s.glareSpots; ++i) { // reflections on the screen, near the code
        cv::Mat spot(f.size(), CV_32FC1, cv::Scalar(0));
        const cv::Point c(int((s.centerX + jitter(rng)) * f.cols), int((s.centerY + jitter(rng)) * f.rows));
        cv::circle(spot, c, std::max(6, int(codeSide * ux(rng) / 2)), cv::Scalar(255.0 * s.glareStrength),
                   cv::FILLED);
        cv::GaussianBlur(spot, spot, cv::Size(0, 0), std::max(4.0, codeSide / 8.0));
        cv::Mat spot3;
        cv::cvtColor(spot, spot3, cv::COLOR_GRAY2BGR);
        f += spot3;
    }
    f *= s.brightness;
    if (s.blurSigma > 0.05)
        cv::GaussianBlur(f, f, cv::Size(0, 0), s.blurSigma);
    const double noise = s.noiseSigma + (s.brightness < 1 ? (1 - s.brightness) * 10 : 0);
    if (noise > 0) {
        cv::Mat n(f.size(), CV_32FC3);
        cv::RNG noiseRng((s.noiseSeed ? s.noiseSeed : s.seed) * 2654435761ULL + 1);
        noiseRng.fill(n, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(noise));
        f += n;
    }
    f.convertTo(frame, CV_8UC3); // saturates to 0..255
    return frame;
}

} // namespace

} // namespace lz
