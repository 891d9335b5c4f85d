#include "mrz/MrzReader.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace lz::mrz {

namespace {
constexpr int kPitch = MrzReader::kPitch;
constexpr int kCellW = 18; // 0.9 pitch: the glyph and a little paper each side
constexpr int kCellX = 1;  // the cell's left edge, right of the pen
constexpr int kAbove = 24; // rows of the cell above the baseline (digits reach 0.79 em ≈ 22)
constexpr int kBelow = 3;
constexpr int kCellH = kAbove + kBelow;
constexpr int kSuper = 8;  // glyphs drawn at 8× and reduced: anti-aliasing like a camera's
constexpr int kSlackX = 7; // first pass: how far (px at kPitch) a glyph may sit off the grid
constexpr int kSlackY = 4;
constexpr int kFineSlack = 1;     // second pass, on the refitted grid
constexpr int kVariants = 12;     // stroke normal/bold/thin × four degrees of blur
constexpr int kCoarseVariant = 1; // normal stroke, a little blurred: the first pass's one template per class
constexpr double kMinPitch = 5.0; // px in the frame: below this, 0/O and 8/B are one blob

// Where the page's MRZ may be: a long, thin block of strong horizontal gradients.
std::vector<cv::RotatedRect> locate(const cv::Mat& grey, double& scale) {
    cv::Mat small;
    scale = std::min(1.0, 1280.0 / grey.cols);
    if (scale < 1.0)
        cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = grey;
    cv::Mat blurred, blackhat, gradX, closed, mask;
    cv::GaussianBlur(small, blurred, cv::Size(3, 3), 0);
    const cv::Mat lineKernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(15, 5));
    cv::morphologyEx(blurred, blackhat, cv::MORPH_BLACKHAT, lineKernel);
    cv::Scharr(blackhat, gradX, CV_32F, 1, 0);
    gradX = cv::abs(gradX);
    double lo = 0, hi = 0;
    cv::minMaxLoc(gradX, &lo, &hi);
    if (hi <= lo)
        return {};
    gradX.convertTo(gradX, CV_8U, 255.0 / (hi - lo), -255.0 * lo / (hi - lo));
    cv::morphologyEx(gradX, closed, cv::MORPH_CLOSE, lineKernel);
    cv::threshold(closed, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(13, 13)));
    cv::erode(mask, mask, cv::Mat(), cv::Point(-1, -1), 3);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<std::pair<double, cv::RotatedRect>> found;
    for (const auto& c : contours) {
        cv::RotatedRect r = cv::minAreaRect(c);
        const double longSide = std::max(r.size.width, r.size.height);
        const double shortSide = std::max(1.0f, std::min(r.size.width, r.size.height));
        const double aspect = longSide / shortSide;
        if (longSide < 26 * kMinPitch * scale || aspect < 4 || aspect > 80)
            continue;
        found.push_back({longSide * shortSide, r});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<cv::RotatedRect> out;
    for (size_t i = 0; i < found.size() && i < 3; ++i) {
        cv::RotatedRect r = found[i].second;
        r.center /= float(scale);
        r.size = cv::Size2f(r.size.width / float(scale), r.size.height / float(scale));
        out.push_back(r);
    }
    return out;
}

// A row band of ink in the straightened region: one printed line.
struct Band {
    int top = 0, bottom = 0; // rows, inclusive
    int x0 = 0, x1 = 0;      // the ink's extent, columns inclusive
};

std::vector<Band> findBands(const cv::Mat& ink) {
    std::vector<int> rows(size_t(ink.rows), 0);
    for (int y = 0; y < ink.rows; ++y)
        rows[size_t(y)] = cv::countNonZero(ink.row(y));
    const int peak = *std::max_element(rows.begin(), rows.end());
    std::vector<Band> bands;
    if (peak == 0)
        return bands;
    const int threshold = std::max(2, peak / 5);
    for (int y = 0; y < ink.rows;) {
        if (rows[size_t(y)] < threshold) {
            ++y;
            continue;
        }
        Band b;
        b.top = y;
        while (y < ink.rows && rows[size_t(y)] >= threshold)
            ++y;
        b.bottom = y - 1;
        if (!bands.empty() && b.top - bands.back().bottom <= 2)
            bands.back().bottom = b.bottom; // a thin gap inside one line (a '<' row)
        else
            bands.push_back(b);
    }
    // Each band's extent: the longest run of ink columns, gaps narrower than a pitch bridged.
    for (Band& b : bands) {
        cv::Mat cols;
        cv::reduce(ink.rowRange(b.top, b.bottom + 1), cols, 0, cv::REDUCE_MAX);
        int bestStart = 0, bestEnd = -1, start = -1, lastInk = -1000;
        for (int x = 0; x < cols.cols; ++x) {
            if (!cols.at<uchar>(0, x))
                continue;
            if (x - lastInk > kPitch)
                start = x;
            lastInk = x;
            if (x - start > bestEnd - bestStart)
                bestStart = start, bestEnd = x;
        }
        b.x0 = bestStart;
        b.x1 = bestEnd;
    }
    return bands;
}

// The MRZ's lines among the bands: the longest one and those nearly as long and as tall, in
// order down the page.
std::vector<Band> mrzLines(const std::vector<Band>& bands) {
    int longest = 0, tallest = 0;
    for (const Band& b : bands) {
        longest = std::max(longest, b.x1 - b.x0);
        tallest = std::max(tallest, b.bottom - b.top);
    }
    std::vector<Band> out;
    for (const Band& b : bands)
        if (b.x1 - b.x0 >= longest * 0.85 && b.bottom - b.top >= tallest * 0.45)
            out.push_back(b);
    if (out.size() > 3)
        out.erase(out.begin(), out.end() - 3); // the MRZ is the page's last text
    return out;
}

// values[i] ≈ c0 + c1·i + c2·i² (perspective changes the pitch along a line; a curled page bends
// it), least squares over the trusted cells, once more without the outliers. Unchanged (zero)
// with too few trusted cells.
void fitCurve(const std::vector<double>& values, const std::vector<bool>& use, std::array<double, 3>& c) {
    std::vector<bool> keep = use;
    for (int round = 0; round < 2; ++round) {
        cv::Mat a(0, 3, CV_64F), b(0, 1, CV_64F);
        for (size_t i = 0; i < values.size(); ++i)
            if (keep[i]) {
                const double x = double(i);
                cv::Mat row = (cv::Mat_<double>(1, 3) << 1, x, x * x);
                a.push_back(row);
                b.push_back(values[i]);
            }
        if (a.rows < 6)
            return;
        cv::Mat sol;
        if (!cv::solve(a, b, sol, cv::DECOMP_SVD))
            return;
        c = {sol.at<double>(0), sol.at<double>(1), sol.at<double>(2)};
        for (size_t i = 0; i < values.size(); ++i) {
            const double x = double(i);
            keep[i] = keep[i] && std::abs(values[i] - (c[0] + c[1] * x + c[2] * x * x)) <= 2.0;
        }
    }
}

// A patch (kCellH × kCellW) as a row of zero mean and unit norm (all zero when flat).
void normaliseInto(const cv::Mat& patch, cv::Mat row) {
    cv::Mat flat = patch.isContinuous() ? patch.reshape(1, 1) : patch.clone().reshape(1, 1);
    const double mean = cv::mean(flat)[0];
    cv::subtract(flat, cv::Scalar(mean), row);
    const double norm = cv::norm(row);
    if (norm > 1e-6)
        row *= 1.0 / norm;
    else
        row.setTo(0);
}

// a·b over n floats, in eight running sums so that the compiler can use vector registers (a
// plain loop's one sum cannot be reordered without -ffast-math).
float dot(const float* a, const float* b, int n) {
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k)
            s[k] += a[i + k] * b[i + k];
    float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

// Scores of the cell patches whose top-left corners lie in `window` against `templates`: one
// row per position (row-major over the window), one column per template. By hand rather than
// cv::gemm, which Debian's OpenCV hands to the reference BLAS (several times slower here).
cv::Mat scorePatches(const cv::Mat& ink, const cv::Rect& window, const cv::Mat& templates) {
    cv::Mat patch(1, kCellW * kCellH, CV_32F);
    cv::Mat scores(window.area(), templates.rows, CV_32F);
    int r = 0;
    for (int y = window.y; y < window.y + window.height; ++y)
        for (int x = window.x; x < window.x + window.width; ++x, ++r) {
            normaliseInto(ink(cv::Rect(x, y, kCellW, kCellH)), patch);
            float* out = scores.ptr<float>(r);
            for (int t = 0; t < templates.rows; ++t)
                out[t] = dot(patch.ptr<float>(), templates.ptr<float>(t), patch.cols);
        }
    return scores;
}

} // namespace

struct MrzGlyphSet {
    std::array<std::array<cv::Mat, kVariants>, kMrzClasses> templates; // CV_32F ink, kCellH × kCellW
    // The same as rows of zero mean and unit norm, so that a dot product with a patch normalised
    // the same way is OpenCV's TM_CCOEFF_NORMED: all of them (class-major) and the coarse ones.
    cv::Mat all, coarse;

    explicit MrzGlyphSet(const OcrbFont& font) {
        const double em = kSuper * kPitch / font.advanceEm();
        const cv::Mat round5 = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5));
        for (int k = 0; k < kMrzClasses; ++k) {
            const GlyphBitmap g = font.render(kMrzAlphabet[k], em);
            cv::Mat big(kCellH * kSuper, kCellW * kSuper, CV_8UC1, cv::Scalar(0));
            const int x = g.left - kCellX * kSuper, y = kAbove * kSuper - g.top;
            const cv::Rect dst =
                cv::Rect(x, y, g.coverage.cols, g.coverage.rows) & cv::Rect(0, 0, big.cols, big.rows);
            if (!dst.empty())
                g.coverage(cv::Rect(dst.x - x, dst.y - y, dst.width, dst.height)).copyTo(big(dst));
            std::array<cv::Mat, 3> strokes;
            strokes[0] = big;
            cv::dilate(big, strokes[1], round5);
            cv::erode(big, strokes[2], round5);
            static_assert(kVariants == 3 * 4, "three strokes, four blurs");
            for (int s = 0; s < 3; ++s) {
                cv::Mat cell;
                cv::resize(strokes[size_t(s)], cell, cv::Size(kCellW, kCellH), 0, 0, cv::INTER_AREA);
                auto& sharp = templates[size_t(k)][size_t(4 * s)];
                cell.convertTo(sharp, CV_32F, 1.0 / 255);
                // A camera's defocus: sigma 1.2, 2.4 and 3.6 px at the 20 px pitch.
                for (int b = 1; b < 4; ++b)
                    cv::GaussianBlur(sharp, templates[size_t(k)][size_t(4 * s + b)], cv::Size(0, 0), 1.2 * b);
            }
        }
        all.create(kMrzClasses * kVariants, kCellW * kCellH, CV_32F);
        coarse.create(kMrzClasses, kCellW * kCellH, CV_32F);
        for (int k = 0; k < kMrzClasses; ++k)
            for (int v = 0; v < kVariants; ++v) {
                normaliseInto(templates[size_t(k)][size_t(v)], all.row(k * kVariants + v));
                if (v == kCoarseVariant)
                    all.row(k * kVariants + v).copyTo(coarse.row(k));
            }
    }
};

const char* mrzHintName(MrzHint h) {
    switch (h) {
    case MrzHint::Read:
        return "read";
    case MrzHint::NoMrz:
        return "no_mrz";
    case MrzHint::TooSmall:
        return "too_small";
    case MrzHint::Glare:
        return "glare";
    case MrzHint::Unreadable:
        return "unreadable";
    case MrzHint::Ambiguous:
        return "ambiguous";
    }
    return "unreadable";
}

MrzReader::MrzReader(std::shared_ptr<const OcrbFont> font)
    : m_glyphs(std::make_unique<MrzGlyphSet>(*font)) {}

MrzReader::~MrzReader() = default;

namespace {

struct Attempt {
    std::optional<icao::MrzReading> reading;
    QString error;
    QString bestGuess;
};

QString bestOf(const std::vector<icao::MrzCell>& cells, int length) {
    QString s;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i && i % size_t(length) == 0)
            s += QLatin1Char('\n');
        const auto best = std::max_element(cells[i].begin(), cells[i].end(),
                                           [](const auto& a, const auto& b) { return a.score < b.score; });
        s += best == cells[i].end() ? QLatin1Char('?') : QLatin1Char(best->c);
    }
    return s;
}

// One line's cells: the line scaled to kPitch, every template matched along it once, then the
// grid laid, refitted to where the glyphs are, and each cell's best score per class read off.
bool readLine(const MrzGlyphSet& glyphs, const cv::Mat& region, const Band& band, int length,
              std::vector<icao::MrzCell>& cells) {
    const double extentPitches = length - 1 + 0.7; // the last glyph is ~0.7 pitch wide
    const double pitch = (band.x1 - band.x0 + 1) / extentPitches;
    if (pitch < 2)
        return false;
    const double s = kPitch / pitch;
    // The strip: the band's baseline (its bottom row) with the cell's rows above and below.
    const int base = band.bottom;
    cv::Rect strip(int(band.x0 - 1.5 * pitch), int(base - (kAbove + kSlackY + 2) / s),
                   int(band.x1 - band.x0 + 3 * pitch), int((kCellH + 2 * kSlackY + 4) / s));
    cv::Mat padded;
    const int pad = int(2 * pitch + (kCellH + 2 * kSlackY) / s) + 2;
    cv::copyMakeBorder(region, padded, pad, pad, pad, pad, cv::BORDER_REPLICATE);
    strip.x += pad;
    strip.y += pad;
    strip &= cv::Rect(0, 0, padded.cols, padded.rows);
    if (strip.width < 2 || strip.height < 2)
        return false;
    cv::Mat line, ink;
    cv::resize(padded(strip), line, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    // Ink bright, as the templates' coverage is. No contrast stretch: the correlation is
    // normalised, so a dim or grey print scores as a black one.
    line.convertTo(ink, CV_32F, -1.0 / 255, 1.0);
    const double baseY = (base + pad - strip.y) * s;
    const double pen0 = (band.x0 + pad - strip.x) * s - 0.15 * kPitch;
    if (ink.rows < kCellH + 1 || ink.cols < kCellW + 1)
        return false;

    // Where a cell's top-left corner may be: inside the line with room for the cell.
    const cv::Rect mapRect(0, 0, ink.cols - kCellW + 1, ink.rows - kCellH + 1);

    // First pass: where each cell's best glyph sits (one template a class), walking along the
    // line: each cell is looked for where the cells before it say the line is going, so that a
    // pitch that changes along the line (perspective) or a line that bends (a curled page) is
    // followed rather than lost half-way.
    std::vector<double> dx(size_t(length), 0), dy(size_t(length), 0);
    std::vector<bool> trusted(size_t(length), false);
    int lastTrusted = -1, previousTrusted = -1;
    for (int i = 0; i < length; ++i) {
        double px = 0, py = 0; // the predicted offset from the nominal grid
        if (lastTrusted >= 0) {
            px = dx[size_t(lastTrusted)];
            py = dy[size_t(lastTrusted)];
            if (previousTrusted >= 0) {
                const double span = lastTrusted - previousTrusted;
                const double slopeX =
                    std::clamp((dx[size_t(lastTrusted)] - dx[size_t(previousTrusted)]) / span, -1.0, 1.0);
                const double slopeY =
                    std::clamp((dy[size_t(lastTrusted)] - dy[size_t(previousTrusted)]) / span, -0.5, 0.5);
                px += slopeX * (i - lastTrusted);
                py += slopeY * (i - lastTrusted);
            }
        }
        const int slackX = lastTrusted < 0 ? kSlackX + 2 : kSlackX - 1;
        const int nx = int(std::lround(pen0 + i * kPitch + px)) + kCellX;
        const int ny = int(std::lround(baseY + py)) - kAbove;
        const cv::Rect w = cv::Rect(nx - slackX, ny - kSlackY, 2 * slackX + 1, 2 * kSlackY + 1) & mapRect;
        if (w.empty())
            continue;
        const cv::Mat scores = scorePatches(ink, w, glyphs.coarse);
        double best = 0;
        cv::Point at;
        cv::minMaxLoc(scores, nullptr, &best, nullptr, &at);
        dx[size_t(i)] = w.x + at.y % w.width - nx + px;
        dy[size_t(i)] = w.y + at.y / w.width - ny + py;
        trusted[size_t(i)] = best >= 0.55;
        if (trusted[size_t(i)]) {
            // The slope from cells a few apart: neighbours' jitter would swamp it.
            if (lastTrusted < 0 || i - lastTrusted >= 1)
                previousTrusted =
                    (previousTrusted < 0 || i - previousTrusted > 6) ? lastTrusted : previousTrusted;
            lastTrusted = i;
        }
    }
    std::array<double, 3> fx{}, fy{};
    fitCurve(dx, trusted, fx);
    fitCurve(dy, trusted, fy);

    // Second pass: every variant, a pixel either side of the refitted grid.
    std::vector<double> contrast(size_t(length), 0);
    auto perTemplate =
        std::vector<cv::Mat>(static_cast<size_t>(length)); // each cell's best score per template
    for (int i = 0; i < length; ++i) {
        // At the refitted grid, or where the first pass found this glyph if that is near it (a
        // printer places each character a little off; a stray match lands far off).
        double ox = fx[0] + fx[1] * i + fx[2] * i * i, oy = fy[0] + fy[1] * i + fy[2] * i * i;
        if (trusted[size_t(i)] && std::abs(dx[size_t(i)] - ox) <= 3 && std::abs(dy[size_t(i)] - oy) <= 3)
            ox = dx[size_t(i)], oy = dy[size_t(i)];
        const int cx = int(std::lround(pen0 + i * kPitch + ox)) + kCellX;
        const int cy = int(std::lround(baseY + oy)) - kAbove;
        const cv::Rect w =
            cv::Rect(cx - kFineSlack, cy - kFineSlack, 2 * kFineSlack + 1, 2 * kFineSlack + 1) & mapRect;
        if (!w.empty()) {
            cv::Scalar mean, sd;
            const cv::Rect at = cv::Rect(cx, cy, kCellW, kCellH) & cv::Rect(0, 0, ink.cols, ink.rows);
            if (!at.empty())
                cv::meanStdDev(ink(at), mean, sd);
            contrast[size_t(i)] = sd[0];
            cv::reduce(scorePatches(ink, w, glyphs.all), perTemplate[size_t(i)], 0, cv::REDUCE_MAX);
        }
    }
    // The line's print and focus: the variant (stroke × blur) its glyphs match best overall.
    // Each class is then scored with that variant only: left free to pick its own, a wrong class
    // finds a variant that imitates the right one (a blurred bold S is nearly an 8).
    std::array<double, kVariants> fit{};
    for (const cv::Mat& t : perTemplate)
        for (int v = 0; v < kVariants && !t.empty(); ++v) {
            float top = -1;
            for (int k = 0; k < kMrzClasses; ++k)
                top = std::max(top, t.at<float>(0, k * kVariants + v));
            fit[size_t(v)] += top;
        }
    const int variant = int(std::max_element(fit.begin(), fit.end()) - fit.begin());
    for (int i = 0; i < length; ++i) {
        icao::MrzCell cell;
        const cv::Mat& t = perTemplate[size_t(i)];
        for (int k = 0; k < kMrzClasses && !t.empty(); ++k)
            cell.push_back({kMrzAlphabet[k], t.at<float>(0, k * kVariants + variant)});
        cells.push_back(std::move(cell));
    }
    // A cell with far less contrast than the line's others shows no glyph — a reflection has
    // washed it out — and has no reading, rather than the best of 37 guesses at noise.
    std::vector<double> sorted = contrast;
    std::nth_element(sorted.begin(), sorted.begin() + length / 2, sorted.end());
    const double typical = sorted[size_t(length / 2)];
    for (int i = 0; i < length; ++i)
        if (contrast[size_t(i)] < 0.35 * typical)
            cells[cells.size() - size_t(length) + size_t(i)].clear();
    return true;
}

Attempt readRegion(const MrzGlyphSet& glyphs, const cv::Mat& region) {
    Attempt out;
    cv::Mat blackhat, ink;
    cv::morphologyEx(region, blackhat, cv::MORPH_BLACKHAT,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * kPitch + 1, 2 * kPitch + 1)));
    cv::threshold(blackhat, ink, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    std::vector<Band> lines = mrzLines(findBands(ink));
    // The lines of an MRZ start and end in the same columns: a reflection that washed out one
    // line's last fillers must not shorten that line (and stretch its pitch).
    int x0 = INT_MAX, x1 = 0;
    for (const Band& b : lines)
        x0 = std::min(x0, b.x0), x1 = std::max(x1, b.x1);
    for (Band& b : lines)
        b.x0 = x0, b.x1 = x1;
    if (lines.size() < 2) {
        out.error = QStringLiteral("mrz_lines");
        return out;
    }
    std::vector<icao::Mrz::Format> formats;
    if (lines.size() == 3)
        formats = {icao::Mrz::Format::TD1};
    else
        formats = {icao::Mrz::Format::TD3, icao::Mrz::Format::TD2};
    for (icao::Mrz::Format format : formats) {
        std::vector<icao::MrzCell> cells;
        bool ok = true;
        for (const Band& b : lines)
            ok = ok && readLine(glyphs, region, b, icao::mrzLineLength(format), cells);
        if (!ok)
            continue;
        if (out.bestGuess.isEmpty())
            out.bestGuess = bestOf(cells, icao::mrzLineLength(format));
        auto r = icao::resolveMrz(format, cells);
        if (r) {
            out.reading = std::move(*r);
            out.error.clear();
            return out;
        }
        if (out.error.isEmpty() || r.error().code == QLatin1String("mrz_ambiguous"))
            out.error = r.error().code;
    }
    return out;
}

} // namespace

MrzFrameResult MrzReader::read(const cv::Mat& frame) {
    // OpenCV reports a violated precondition by throwing; whatever a frame holds, the reader's
    // thread must go on: such a frame is one without a reading, named.
    try {
        return readFrame(frame);
    } catch (const cv::Exception& e) {
        MrzFrameResult failed;
        failed.hint = MrzHint::Unreadable;
        failed.error = QStringLiteral("mrz_image: ") + QString::fromStdString(e.what());
        return failed;
    } catch (const std::bad_alloc&) {
        MrzFrameResult failed;
        failed.hint = MrzHint::Unreadable;
        failed.error = QStringLiteral("mrz_image: out of memory");
        return failed;
    }
}

MrzFrameResult MrzReader::readFrame(const cv::Mat& frame) {
    MrzFrameResult result;
    if (frame.empty())
        return result;
    cv::Mat grey;
    if (frame.channels() == 3)
        cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
    else if (frame.channels() == 4)
        cv::cvtColor(frame, grey, cv::COLOR_BGRA2GRAY);
    else
        grey = frame;
    double scale = 1;
    const std::vector<cv::RotatedRect> candidates = locate(grey, scale);
    MrzHint hint = MrzHint::NoMrz;
    for (const cv::RotatedRect& box : candidates) {
        // The long side level, left to right; the region grown so that a line found alone brings
        // its neighbours and the first and last characters are whole.
        const bool wide = box.size.width >= box.size.height;
        const double longSide = wide ? box.size.width : box.size.height;
        const double shortSide = wide ? box.size.height : box.size.width;
        double angle = (box.angle + (wide ? 0.0 : 90.0)) * CV_PI / 180.0;
        if (std::cos(angle) < 0)
            angle += CV_PI;
        const cv::Point2d u(std::cos(angle), std::sin(angle)), v(-std::sin(angle), std::cos(angle));
        const double pitchGuess = longSide / 40.0; // TD3's 44 or TD1's 30 columns: refined per line
        if (pitchGuess < kMinPitch * 0.8) {
            hint = std::max(hint, MrzHint::TooSmall);
            continue;
        }
        const double le = longSide + 3 * pitchGuess, se = std::max(shortSide * 1.6, pitchGuess * 6.5);
        const double k = std::clamp(kPitch / pitchGuess, 0.5, 4.0);
        const cv::Point2d c(box.center);
        const cv::Point2f src[3] = {cv::Point2f(c - u * le / 2 - v * se / 2),
                                    cv::Point2f(c + u * le / 2 - v * se / 2),
                                    cv::Point2f(c - u * le / 2 + v * se / 2)};
        const cv::Size size(int(le * k), int(se * k));
        const cv::Point2f dst[3] = {{0, 0}, {float(size.width), 0}, {0, float(size.height)}};
        cv::Mat region;
        cv::warpAffine(grey, region, cv::getAffineTransform(src, dst), size, cv::INTER_LINEAR,
                       cv::BORDER_REPLICATE);
        result.region = {src[0], src[1], cv::Point2f(c + u * le / 2 + v * se / 2), src[2]};
        result.pitch = pitchGuess;

        Attempt a = readRegion(*m_glyphs, region);
        if (!a.reading) {
            cv::Mat turned; // the page upside down: the MRZ at the region's top, read from the right
            cv::rotate(region, turned, cv::ROTATE_180);
            Attempt b = readRegion(*m_glyphs, turned);
            if (b.reading || a.error == QLatin1String("mrz_lines"))
                a = std::move(b);
        }
        if (a.reading) {
            result.reading = std::move(a.reading);
            result.hint = MrzHint::Read;
            result.error.clear();
            return result;
        }
        result.error = a.error;
        result.bestGuess = a.bestGuess;
        if (a.error == QLatin1String("mrz_lines"))
            continue;
        const double glare = double(cv::countNonZero(region >= 250)) / double(region.total());
        hint = std::max(hint, a.error == QLatin1String("mrz_ambiguous") ? MrzHint::Ambiguous
                              : glare > 0.02                            ? MrzHint::Glare
                                                                        : MrzHint::Unreadable);
    }
    result.hint = hint;
    return result;
}

} // namespace lz::mrz
