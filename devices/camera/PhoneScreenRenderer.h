#pragma once
// Draws "a phone held to the desk camera" showing a QR code (or a picture): the synthetic camera of the demo
// and the frame corpus of the scanning benchmark use the same renderer, so the benchmark
// measures what the demo shows. Every random choice comes from `seed`: deterministic.
#include <QString>
#include <opencv2/core/mat.hpp>
#include <random>

namespace lz {

struct PhoneScene {
    double modulePx = 4;    // pixels per QR module in the frame, before perspective
    double rotationDeg = 0; // in-plane rotation of the phone
    double tiltX = 0;       // perspective: -0.3..0.3, the top edge nearer (>0) or farther
    double tiltY = 0;       // perspective left/right
    double centerX = 0.5;   // where the code's centre lands, as a fraction of the frame
    double centerY = 0.5;
    double blurSigma = 0;  // defocus / motion, Gaussian sigma in pixels
    double noiseSigma = 3; // sensor noise, grey levels
    int glareSpots = 0;    // bright reflections on the screen
    double glareStrength = 0.8;
    bool moire = false;      // screen-door / moire stripes from photographing a display
    double brightness = 1.0; // < 1: low light (with more noise)
    bool inverted = false;   // light modules on a dark screen ("dark mode")
    unsigned seed = 1;       // desk, glare and moire placement
    unsigned noiseSeed = 0;  // sensor noise (0: from seed); varies per frame in a video
};

// A desk (BGR): a soft gradient with some clutter (papers, a pen, a keyboard edge) whose straight
// edges and dark blobs give a decoder something to be fooled by. Also under the passport pages.
cv::Mat renderDesk(cv::Size size, std::mt19937& rng);

// text empty: the phone shows no code (a blank lock screen), for false-positive tests.
cv::Mat renderPhoneFrame(const QString& text, const PhoneScene& scene,
                         cv::Size frameSize = cv::Size(1280, 720));
// The phone shows a picture instead (8-bit BGR), as wide as a code of 57 modules: someone's
// photo held up to the face check's camera (the liveness tests).
cv::Mat renderPhoneFrame(const cv::Mat& picture, const PhoneScene& scene,
                         cv::Size frameSize = cv::Size(1280, 720));

} // namespace lz
