#include "camera/PassportPageRenderer.h"

#include "camera/PhoneScreenRenderer.h"

#include <QStringList>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace lz {

namespace {
constexpr double kPxPerMm = 10;     // the page is drawn at 10 px/mm, then seen by the camera
constexpr double kPitchMm = 2.54;   // ICAO 9303-3: 10 characters per inch
constexpr double kLineGapMm = 4.25; // baseline to baseline (ICAO: 3.53–4.23 mm ± tolerance)

QString pick(std::mt19937& rng, const char* alphabet, int n) {
    const int size = int(std::strlen(alphabet));
    QString s;
    for (int i = 0; i < n; ++i)
        s += QLatin1Char(alphabet[rng() % unsigned(size)]);
    return s;
}

QString filled(QString s, int n) {
    s.truncate(n);
    while (s.size() < n)
        s += QLatin1Char('<');
    return s;
}

QString withDigit(const QString& field) {
    return field + QChar(char('0' + icao::checkDigit(field)));
}

QString date(std::mt19937& rng, int yearFrom, int yearTo) {
    const int y = yearFrom + int(rng() % unsigned(yearTo - yearFrom + 1));
    return QStringLiteral("%1%2%3")
        .arg(y % 100, 2, 10, QLatin1Char('0'))
        .arg(1 + int(rng() % 12), 2, 10, QLatin1Char('0'))
        .arg(1 + int(rng() % 28), 2, 10, QLatin1Char('0'));
}

// Document numbers as they are printed: China's E/G + 8 digits, two letters + 7 digits, a short
// one with fillers, and alphanumerics full of S/8, G/6, O/0, B/8 and Z/2.
QString documentNumber(std::mt19937& rng) {
    switch (rng() % 4) {
    case 0:
        return (rng() % 2 ? QStringLiteral("E") : QStringLiteral("G")) + pick(rng, "0123456789", 8);
    case 1:
        return pick(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + pick(rng, "0123456789", 7);
    case 2:
        return filled(pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 6 + int(rng() % 3)), 9);
    default:
        return pick(rng, "SG8B6O0Z2KLC5", 9);
    }
}

QString name(std::mt19937& rng, int n) {
    QString surname = pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3 + int(rng() % 8));
    QString given = pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3 + int(rng() % 6));
    if (rng() % 3 == 0)
        given += QLatin1Char('<') + pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3 + int(rng() % 5));
    return filled(surname + QStringLiteral("<<") + given, n);
}

const char* kStates[] = {"CHN", "UTO", "D<<", "GBR", "USA", "JPN", "KOR", "FRA", "RUS", "THA", "HKG", "AUS"};

// The page's background print, photo and printed (non-MRZ) text, in page pixels.
void drawPage(cv::Mat& page, std::mt19937& rng, bool card) {
    const cv::Scalar paper(200 + double(rng() % 30), 215 + double(rng() % 25), 225 + double(rng() % 25));
    page.setTo(paper);
    // Guilloche: fine sine lines at low contrast, the kind of print that sits behind the fields.
    for (int k = 0; k < 40; ++k) {
        std::vector<cv::Point> curve;
        const double phase = double(rng() % 628) / 100, period = 80 + double(rng() % 160),
                     amp = 10 + double(rng() % 30);
        const double y0 = double(k) * page.rows / 40.0;
        for (int x = 0; x < page.cols; x += 4)
            curve.emplace_back(x, int(y0 + amp * std::sin(x / period * 6.283 + phase)));
        cv::polylines(page, curve, false, paper * 0.88, 1, cv::LINE_AA);
    }
    // The photo and the printed fields.
    const double mm = kPxPerMm;
    const cv::Rect photo = card ? cv::Rect(int(4 * mm), int(6 * mm), int(22 * mm), int(28 * mm))
                                : cv::Rect(int(6 * mm), int(20 * mm), int(32 * mm), int(40 * mm));
    cv::rectangle(page, photo, cv::Scalar(150, 160, 175), cv::FILLED);
    cv::ellipse(page, (photo.tl() + photo.br()) / 2 - cv::Point(0, photo.height / 8),
                cv::Size(photo.width / 3, photo.height / 3), 0, 0, 360, cv::Scalar(110, 125, 150),
                cv::FILLED);
    const char* labels[] = {"Type/Type",     "Surname/Nom", "Given names/Prenoms", "Nationality",
                            "Date of birth", "Sex",         "Date of expiry",      "Authority"};
    const int x0 = photo.br().x + int(5 * mm);
    for (int i = 0; i < (card ? 4 : 8); ++i) {
        const int y = photo.y + int(i * (card ? 6.5 : 5.2) * mm);
        cv::putText(page, labels[i], cv::Point(x0, y), cv::FONT_HERSHEY_SIMPLEX, 0.55, cv::Scalar(90, 80, 70),
                    1, cv::LINE_AA);
        cv::putText(page,
                    pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789", 8 + int(rng() % 10)).toStdString(),
                    cv::Point(x0, y + int(2.6 * mm)), cv::FONT_HERSHEY_DUPLEX, 0.8, cv::Scalar(40, 35, 30), 1,
                    cv::LINE_AA);
    }
    if (!card)
        cv::putText(page, "PASSPORT  PASSEPORT", cv::Point(x0, int(10 * mm)), cv::FONT_HERSHEY_DUPLEX, 1.1,
                    cv::Scalar(60, 50, 40), 2, cv::LINE_AA);
}

// The MRZ in OCR-B: glyphs placed on the fixed pitch (each a little off, as printers place
// them), in ink of the scene's grey, bolder or thinner. Returns the zone's rectangle.
cv::Rect drawMrz(cv::Mat& page, const mrz::OcrbFont& font, const QStringList& lines, const PassportScene& s,
                 std::mt19937& rng) {
    const double pitch = kPitchMm * kPxPerMm;
    const double em = pitch / font.advanceEm();
    const int length = int(lines.front().size());
    const double left = (page.cols - (length - 1 + 0.7) * pitch) / 2;
    const double lastBaseline = page.rows - (lines.size() == 3 ? 3.0 : 5.5) * kPxPerMm;
    cv::Mat ink(page.size(), CV_8UC1, cv::Scalar(0));
    std::normal_distribution<double> jitter(0, s.jitter);
    for (int l = 0; l < lines.size(); ++l) {
        const double baseline = lastBaseline - (lines.size() - 1 - l) * kLineGapMm * kPxPerMm;
        for (int i = 0; i < length; ++i) {
            const mrz::GlyphBitmap g = font.render(char(lines[l][i].unicode()), em);
            if (g.coverage.empty())
                continue;
            const int x = int(std::lround(left + (i + jitter(rng)) * pitch)) + g.left;
            const int y = int(std::lround(baseline + jitter(rng) * pitch * 0.6)) - g.top;
            const cv::Rect r =
                cv::Rect(x, y, g.coverage.cols, g.coverage.rows) & cv::Rect(0, 0, ink.cols, ink.rows);
            if (r.empty())
                continue;
            cv::Mat dst = ink(r);
            cv::max(dst, g.coverage(cv::Rect(r.x - x, r.y - y, r.width, r.height)), dst);
        }
    }
    if (s.stroke != 0) {
        const cv::Mat k = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
        if (s.stroke > 0)
            cv::dilate(ink, ink, k);
        else
            cv::erode(ink, ink, k);
    }
    // paper·(1 − coverage) + ink colour·coverage
    cv::Mat cov, pagef;
    ink.convertTo(cov, CV_32F, 1.0 / 255);
    cv::cvtColor(cov, cov, cv::COLOR_GRAY2BGR);
    page.convertTo(pagef, CV_32FC3);
    const cv::Scalar inkColour = cv::Scalar::all(255 * s.ink) + cv::Scalar(10, 0, 0);
    cv::Mat inkf(page.size(), CV_32FC3, inkColour);
    pagef = pagef.mul(cv::Scalar::all(1) - cov) + inkf.mul(cov);
    pagef.convertTo(page, CV_8UC3);
    const int top = int(lastBaseline - (lines.size() - 1) * kLineGapMm * kPxPerMm - em);
    return cv::Rect(int(left), top, int(length * pitch), int(lastBaseline - top + 2 * kPxPerMm));
}

} // namespace

QString randomMrz(std::mt19937& rng, icao::Mrz::Format format) {
    const QString state = QLatin1String(kStates[rng() % (sizeof kStates / sizeof *kStates)]);
    const QString nationality =
        rng() % 2 ? state : QLatin1String(kStates[rng() % (sizeof kStates / sizeof *kStates)]);
    const QString number = filled(documentNumber(rng), 9);
    const QString birth = date(rng, 1940, 2006), expiry = date(rng, 2026, 2036);
    const QString sex = QLatin1String(rng() % 2 ? "M" : "F");
    if (format == icao::Mrz::Format::TD1) {
        const QString l1 = QStringLiteral("I<") + state + withDigit(number) + filled({}, 15);
        const QString l2start = withDigit(birth) + sex + withDigit(expiry) + nationality + filled({}, 11);
        const QString composite = l1.mid(5, 25) + l2start.left(7) + l2start.mid(8, 7) + l2start.mid(18, 11);
        return l1 + QLatin1Char('\n') + withDigit(composite).right(1).prepend(l2start) + QLatin1Char('\n') +
               name(rng, 30);
    }
    const int length = format == icao::Mrz::Format::TD3 ? 44 : 36;
    const QString l1 = (format == icao::Mrz::Format::TD3 ? QStringLiteral("P<") : QStringLiteral("I<")) +
                       state + name(rng, length - 5);
    QString l2 = withDigit(number) + nationality + withDigit(birth) + sex + withDigit(expiry);
    if (format == icao::Mrz::Format::TD3) {
        const QString personal =
            rng() % 2 ? filled({}, 14)
                      : filled(pick(rng, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8 + int(rng() % 6)), 14);
        l2 += personal +
              (personal.startsWith(QLatin1Char('<')) ? QStringLiteral("<") : withDigit(personal).right(1));
        l2 += withDigit(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22)).right(1);
    } else {
        l2 += filled({}, 7);
        l2 += withDigit(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 14)).right(1);
    }
    return l1 + QLatin1Char('\n') + l2;
}

PassportPage drawPassportPage(const mrz::OcrbFont& font, const QString& text, const PassportScene& s,
                              std::mt19937& rng) {
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    PassportPage page;
    page.card = lines.size() == 3;
    page.hasMrz = !lines.isEmpty();
    page.image.create(int((page.card ? 54.0 : 88.0) * kPxPerMm), int((page.card ? 85.6 : 125.0) * kPxPerMm),
                      CV_8UC3);
    drawPage(page.image, rng, page.card);
    if (page.hasMrz)
        drawMrz(page.image, font, lines, s, rng);
    return page;
}

cv::Mat renderPassportFrame(const mrz::OcrbFont& font, const QString& text, const PassportScene& s,
                            cv::Size frameSize) {
    std::mt19937 rng(s.seed);
    const PassportPage page = drawPassportPage(font, text, s, rng);
    return viewPassportPage(page, s, rng, frameSize);
}

cv::Mat viewPassportPage(const PassportPage& drawn, const PassportScene& s, std::mt19937& rng,
                         cv::Size frameSize) {
    const bool card = drawn.card;
    cv::Mat page = drawn.image; // replaced, never written: the page may be seen again

    // The camera's view: page pixels to frame pixels (scale from the pitch), rotation about the
    // page's centre, each corner moved for perspective, the page bowed.
    const double scale = s.pitchPx / (kPitchMm * kPxPerMm);
    if (s.bow > 0) {
        // A cylinder's curl: each column shifted down by a parabola, s.bow pitches at the middle.
        cv::Mat mapX(page.size(), CV_32F), mapY(page.size(), CV_32F);
        const double sag = s.bow * kPitchMm * kPxPerMm;
        for (int y = 0; y < page.rows; ++y)
            for (int x = 0; x < page.cols; ++x) {
                const double u = 2.0 * x / page.cols - 1;
                mapX.at<float>(y, x) = float(x);
                mapY.at<float>(y, x) = float(y - sag * (1 - u * u));
            }
        cv::Mat bowed;
        cv::remap(page, bowed, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        page = bowed;
    }
    // Page pixels are 1/scale times finer than the frame's: soften before the warp (no aliasing).
    if (scale < 0.7) {
        cv::Mat soft;
        cv::GaussianBlur(page, soft, cv::Size(0, 0), 0.45 / scale);
        page = soft;
    }
    std::uniform_real_distribution<double> unit(-1, 1);
    const double a = s.rotationDeg * CV_PI / 180, c = std::cos(a), sn = std::sin(a);
    const cv::Point2d centre(s.centerX * frameSize.width, s.centerY * frameSize.height);
    const double w = page.cols * scale, h = page.rows * scale;
    std::vector<cv::Point2f> from = {
        {0, 0}, {float(page.cols), 0}, {float(page.cols), float(page.rows)}, {0, float(page.rows)}};
    std::vector<cv::Point2f> to;
    for (const cv::Point2f& p : from) {
        const double x = p.x * scale - w / 2 + unit(rng) * s.tilt * w,
                     y = p.y * scale - h / 2 + unit(rng) * s.tilt * h;
        to.emplace_back(float(centre.x + c * x - sn * y), float(centre.y + sn * x + c * y));
    }
    const cv::Mat homography = cv::getPerspectiveTransform(from, to);
    cv::Mat frame = renderDesk(frameSize, rng);
    cv::warpPerspective(page, frame, homography, frameSize, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);

    // Light: one side darker, the whole scene dimmer; glare spots over the MRZ.
    cv::Mat f;
    frame.convertTo(f, CV_32FC3);
    if (s.lightFalloff > 0 || s.gain != 1.0) {
        cv::Mat ramp(frameSize, CV_32FC3);
        const double dir = unit(rng) * CV_PI;
        for (int y = 0; y < frameSize.height; ++y)
            for (int x = 0; x < frameSize.width; ++x) {
                const double t = 0.5 + 0.5 *
                                           (std::cos(dir) * (2.0 * x / frameSize.width - 1) +
                                            std::sin(dir) * (2.0 * y / frameSize.height - 1)) /
                                           1.5;
                ramp.at<cv::Vec3f>(y, x) = cv::Vec3f::all(float(s.gain * (1 - s.lightFalloff * t)));
            }
        f = f.mul(ramp);
    }
    if (drawn.hasMrz) {
        // The MRZ's centre in the frame, for the glare.
        std::vector<cv::Point2f> mrzCentre = {{float(page.cols / 2),
                                               float(page.rows - (card ? 10 : 9) * kPxPerMm)}},
                                 inFrame;
        cv::perspectiveTransform(mrzCentre, inFrame, homography);
        for (int g = 0; g < s.glareSpots; ++g) {
            cv::Mat spot(frameSize, CV_32FC1, cv::Scalar(0));
            const double r = (0.05 + 0.2 * (unit(rng) + 1) / 2) * 44 * s.pitchPx / 2;
            const cv::Point p(int(inFrame[0].x + unit(rng) * 18 * s.pitchPx),
                              int(inFrame[0].y + unit(rng) * 2 * s.pitchPx));
            cv::ellipse(spot, p, cv::Size(int(r), int(r * 0.6)), unit(rng) * 40, 0, 360, cv::Scalar(255),
                        cv::FILLED);
            cv::GaussianBlur(spot, spot, cv::Size(0, 0), std::max(1.0, r / 4));
            cv::Mat spot3;
            cv::cvtColor(spot, spot3, cv::COLOR_GRAY2BGR);
            f += spot3 * 1.3;
        }
    }
    f.convertTo(frame, CV_8UC3);
    if (s.blurSigma > 0)
        cv::GaussianBlur(frame, frame, cv::Size(0, 0), s.blurSigma);
    if (s.motionPx >= 2) {
        const int len = int(std::lround(s.motionPx));
        cv::Mat k = cv::Mat::ones(1, len, CV_32F) / float(len);
        cv::filter2D(frame, frame, -1, k);
    }
    if (s.noiseSigma > 0) {
        cv::Mat noise(frameSize, CV_16SC3);
        cv::RNG(s.seed * 2654435761u + 1).fill(noise, cv::RNG::NORMAL, 0, s.noiseSigma);
        cv::Mat wide;
        frame.convertTo(wide, CV_16SC3);
        wide += noise;
        wide.convertTo(frame, CV_8UC3);
    }
    if (s.jpegQuality > 0) {
        std::vector<uchar> bytes;
        cv::imencode(".jpg", frame, bytes, {cv::IMWRITE_JPEG_QUALITY, s.jpegQuality});
        frame = cv::imdecode(bytes, cv::IMREAD_COLOR);
    }
    return frame;
}

} // namespace lz
