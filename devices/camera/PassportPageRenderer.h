#pragma once
// Draws "a passport's data page (or an ID card's back) laid under the desk camera": the page with
// its background print, photo, printed fields and the MRZ in OCR-B at the ICAO pitch, then the
// camera's view of it — scale, rotation, perspective, a page that is not quite flat, defocus,
// uneven light, glare on the laminate, noise, MJPEG compression. The MRZ reader's tests, its
// benchmark and the demo camera use the same renderer. Every random choice comes from `seed`.
#include "icao/Mrz.h"
#include "mrz/OcrbFont.h"

#include <QString>
#include <opencv2/core/mat.hpp>
#include <random>

namespace lz {

struct PassportScene {
    double pitchPx = 10;    // the MRZ's character pitch in the frame (2.54 mm on the page)
    double rotationDeg = 0; // in-plane rotation of the page (180: upside down)
    double tilt = 0;        // perspective: each corner moved up to this share of the page size
    double bow = 0;         // the page's curl: the MRZ lines bend by up to this many pitches
    double centerX = 0.5;   // where the page's centre lands, as a share of the frame
    double centerY = 0.5;
    double blurSigma = 0;    // defocus, Gaussian sigma in frame pixels
    double motionPx = 0;     // horizontal motion blur length in frame pixels
    double noiseSigma = 2;   // sensor noise, grey levels
    double gain = 1.0;       // < 1: low light
    double lightFalloff = 0; // 0..0.5: one side of the page darker
    int glareSpots = 0;      // reflections on the laminate, over the MRZ
    int jpegQuality = 0;     // 0: none; else MJPEG-like compression at this quality
    double ink = 0.1;        // the MRZ's ink: 0 black … 0.5 mid grey
    double jitter = 0.04;    // each character's placement, in pitches
    int stroke = 0;          // -1 thinner, 0, +1 bolder print
    unsigned seed = 1;
};

// text: the MRZ's lines separated by '\n' (2 lines: a TD3 passport page; 3: a TD1 card's back).
// An empty text draws a page without an MRZ (false-positive tests).
cv::Mat renderPassportFrame(const mrz::OcrbFont& font, const QString& text, const PassportScene& scene,
                            cv::Size frameSize = cv::Size(1280, 720));

// The same in two steps, for a page seen in many frames (the demo camera): the page itself, in
// page pixels (10 px/mm), drawn once — the scene's print (ink, jitter, stroke) and rng's
// choices — and then the camera's view of it, the scene's geometry, light and faults.
// renderPassportFrame is drawPassportPage then viewPassportPage with one rng seeded from the scene.
struct PassportPage {
    cv::Mat image;     // BGR
    bool card = false; // a TD1 card's back rather than a passport's page
    bool hasMrz = false;
};
PassportPage drawPassportPage(const mrz::OcrbFont& font, const QString& text, const PassportScene& scene,
                              std::mt19937& rng);
cv::Mat viewPassportPage(const PassportPage& page, const PassportScene& scene, std::mt19937& rng,
                         cv::Size frameSize = cv::Size(1280, 720));

// A made-up MRZ with valid check digits: random names, document numbers (including the letters
// the check digit cannot tell from digits: S/8, G/6, '<'/K), dates and optional data.
QString randomMrz(std::mt19937& rng, icao::Mrz::Format format);

} // namespace lz
