#pragma once
// The MRZ's typeface, OCR-B (ISO 1073-2), from Debian's fonts-ocr-b, drawn with FreeType: the
// templates the desk camera's MRZ reader matches against, and the test pages it is measured on.
// FreeType directly, not QPainter (needs a GUI application and the platform's hinting) nor
// OpenCV's freetype module (shapes with HarfBuzz, whose kerning would break the fixed pitch).
// The file is pinned by its SHA-256 like the face models: another cut of OCR-B would change
// what "a good match" means.
#include "util/Expected.h"

#include <QMutex>
#include <QString>
#include <memory>
#include <opencv2/core.hpp>

namespace lz::mrz {

enum class FontError {
    Missing,  // no file at the path (fonts-ocr-b not installed: scripts/bootstrap)
    Altered,  // a file, but not the pinned one
    Unusable, // FreeType cannot open it or has no glyph for an MRZ character
};
const char* fontErrorName(FontError e);

struct FontProblem {
    FontError error;
    QString detail; // the path, FreeType's error number
};

// A glyph's coverage (0 paper … 255 ink) and where it sits: `left` columns right of the pen,
// `top` rows above the baseline.
struct GlyphBitmap {
    cv::Mat coverage; // CV_8UC1
    int left = 0;
    int top = 0;
};

class OcrbFont {
public:
    static QString defaultPath(); // Debian's /usr/share/fonts/opentype/ocr-b/OCRB.otf
    static Expected<std::shared_ptr<OcrbFont>, FontProblem> load(const QString& path = defaultPath());
    ~OcrbFont();
    OcrbFont(const OcrbFont&) = delete;
    OcrbFont& operator=(const OcrbFont&) = delete;

    // Every glyph's advance in ems: OCR-B is monospaced (0.725 em, measured).
    double advanceEm() const { return m_advanceEm; }
    // One of the MRZ's 37 characters (A–Z, 0–9, '<') at emPx pixels per em, unhinted and
    // anti-aliased. Thread-safe. An empty bitmap for any other character.
    GlyphBitmap render(char c, double emPx) const;

private:
    OcrbFont() = default;
    struct Face;
    std::unique_ptr<Face> m_face;
    double m_advanceEm = 0;
    mutable QMutex m_mutex; // an FT_Face is not thread-safe
};

// The 37 characters an MRZ is made of, in this order everywhere: 'A'–'Z', '0'–'9', '<'.
inline constexpr char kMrzAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
inline constexpr int kMrzClasses = 37;

} // namespace lz::mrz
