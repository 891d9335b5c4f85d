#include "QrCorpus.h"

#include "qr/QrRender.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace lz::bench {
namespace {
const char* const kClasses[] = {"clean", "rotation", "perspective", "blur",    "noise",
                                "glare", "moire",    "low_light",   "inverted"};
constexpr char kBase45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
} // namespace

QString pxBand(double px) {
    return px < 3.5 ? QStringLiteral("2.5-3.5") : px < 5 ? QStringLiteral("3.5-5") : QStringLiteral("5-8");
}

std::vector<CorpusFrame> makeCorpus(unsigned seed, int withCode, int withoutCode) {
    std::mt19937 rng(seed);
    auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    std::vector<CorpusFrame> out;
    for (int i = 0; i < withCode + withoutCode; ++i) {
        CorpusFrame f;
        const bool code = i < withCode;
        f.condition = code ? QString::fromLatin1(kClasses[i % 9]) : QStringLiteral("no_code");
        PhoneScene& s = f.scene;
        s.seed = unsigned(rng());
        // Baseline: a hand-held phone, slightly off-centre, slightly rotated, a little soft.
        s.centerX = uni(0.35, 0.65);
        s.centerY = uni(0.4, 0.6);
        s.rotationDeg = uni(-6, 6);
        s.tiltX = uni(-0.05, 0.05);
        s.tiltY = uni(-0.05, 0.05);
        s.blurSigma = uni(0, 0.6);
        s.noiseSigma = uni(1, 4);
        if (code) {
            const int length = int(uni(320, 970)); // version 10..20 at level M
            QString t = QStringLiteral("LZ1:");
            while (t.size() < length)
                t += QLatin1Char(kBase45[rng() % 45]);
            f.text = t;
            f.version = renderQr(t, 1, 0).version;
            const int modules = 17 + 4 * f.version;
            s.modulePx = std::min(uni(2.5, 8.0), 0.8 * 720 / (modules + 12)); // the phone must fit the frame
        } else {
            s.modulePx = uni(2.5, 8.0);
        }
        const QString& c = f.condition;
        if (c == QLatin1String("rotation"))
            s.rotationDeg = uni(-30, 30);
        else if (c == QLatin1String("perspective")) {
            s.tiltX = uni(-0.3, 0.3);
            s.tiltY = uni(-0.3, 0.3);
        } else if (c == QLatin1String("blur"))
            s.blurSigma = uni(1.0, 2.0);
        else if (c == QLatin1String("noise"))
            s.noiseSigma = uni(8, 15);
        else if (c == QLatin1String("glare")) {
            s.glareSpots = 1 + int(rng() % 2);
            s.glareStrength = uni(0.5, 0.9);
        } else if (c == QLatin1String("moire"))
            s.moire = true;
        else if (c == QLatin1String("low_light"))
            s.brightness = uni(0.35, 0.6);
        else if (c == QLatin1String("inverted"))
            s.inverted = true;
        else if (c == QLatin1String("no_code")) { // the hardest empty frames: conditions too
            s.glareSpots = int(rng() % 2);
            s.moire = rng() % 3 == 0;
            s.inverted = rng() % 4 == 0;
        }
        if (code) { // the whole code and its quiet zone must be in view, as the clerk's preview shows
            const int modules = 17 + 4 * f.version;
            const double a = std::abs(s.rotationDeg) * 3.14159265 / 180.0;
            const double grow =
                (std::cos(a) + std::sin(a)) * (1 + 0.5 * std::max(std::abs(s.tiltX), std::abs(s.tiltY)));
            double half = 0.5 * (modules + 8) * s.modulePx * grow;
            if (half > 0.48 * 720) {
                s.modulePx *= 0.48 * 720 / half;
                half = 0.48 * 720;
            }
            s.centerX = std::clamp(s.centerX, half / 1280, 1 - half / 1280);
            s.centerY = std::clamp(s.centerY, half / 720, 1 - half / 720);
        }
        out.push_back(f);
    }
    return out;
}

} // namespace lz::bench
