#include "mrz/OcrbFont.h"

#include "crypto/Digest.h"

#include <QFile>
#include <ft2build.h>
#include FT_FREETYPE_H

namespace lz::mrz {

namespace {
// sha256sum of /usr/share/fonts/opentype/ocr-b/OCRB.otf in Debian 12's fonts-ocr-b 0.3~dfsg1-1.
constexpr char kPinnedSha256[] = "84558d47dbc19bb5887cc7b72ed62c64534fd00f0b569d28e6dc63b71fe27707";

Unexpected<FontProblem> problem(FontError e, QString detail) {
    return unexpected(FontProblem{e, std::move(detail)});
}
} // namespace

struct OcrbFont::Face {
    QByteArray bytes; // FreeType reads the face from this memory for its whole life
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~Face() {
        if (face)
            FT_Done_Face(face);
        if (library)
            FT_Done_FreeType(library);
    }
};

const char* fontErrorName(FontError e) {
    switch (e) {
    case FontError::Missing:
        return "font_missing";
    case FontError::Altered:
        return "font_altered";
    case FontError::Unusable:
        return "font_unusable";
    }
    return "font_unusable";
}

QString OcrbFont::defaultPath() {
    return QStringLiteral(LZ_OCRB_FONT);
}

Expected<std::shared_ptr<OcrbFont>, FontProblem> OcrbFont::load(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return problem(FontError::Missing, path + QStringLiteral(" (run scripts/bootstrap: fonts-ocr-b)"));
    auto face = std::make_unique<Face>();
    face->bytes = f.readAll();
    if (sha256({face->bytes}).toHex() != QByteArray(kPinnedSha256))
        return problem(FontError::Altered, path);
    if (const FT_Error e = FT_Init_FreeType(&face->library))
        return problem(FontError::Unusable, QStringLiteral("FT_Init_FreeType %1").arg(e));
    if (const FT_Error e =
            FT_New_Memory_Face(face->library, reinterpret_cast<const FT_Byte*>(face->bytes.constData()),
                               FT_Long(face->bytes.size()), 0, &face->face))
        return problem(FontError::Unusable, QStringLiteral("FT_New_Memory_Face %1").arg(e));
    std::shared_ptr<OcrbFont> font(new OcrbFont);
    font->m_face = std::move(face);
    FT_Face ft = font->m_face->face;
    if (FT_Set_Char_Size(ft, 0, 1000 * 64, 72, 72))
        return problem(FontError::Unusable, QStringLiteral("FT_Set_Char_Size"));
    for (const char* c = kMrzAlphabet; *c; ++c) {
        const FT_UInt index = FT_Get_Char_Index(ft, FT_ULong(*c));
        if (!index || FT_Load_Glyph(ft, index, FT_LOAD_NO_HINTING))
            return problem(FontError::Unusable, QStringLiteral("no glyph for '%1'").arg(QLatin1Char(*c)));
        font->m_advanceEm = double(ft->glyph->advance.x) / 64.0 / 1000.0;
    }
    return font;
}

OcrbFont::~OcrbFont() = default;

GlyphBitmap OcrbFont::render(char c, double emPx) const {
    QMutexLocker lock(&m_mutex);
    FT_Face ft = m_face->face;
    GlyphBitmap out;
    if (!std::strchr(kMrzAlphabet, c) || c == 0 || emPx < 1)
        return out;
    if (FT_Set_Char_Size(ft, 0, FT_F26Dot6(emPx * 64), 72, 72) ||
        FT_Load_Glyph(ft, FT_Get_Char_Index(ft, FT_ULong(c)), FT_LOAD_RENDER | FT_LOAD_NO_HINTING))
        return out;
    const FT_Bitmap& b = ft->glyph->bitmap;
    out.left = ft->glyph->bitmap_left;
    out.top = ft->glyph->bitmap_top;
    out.coverage = cv::Mat(int(b.rows), int(b.width), CV_8UC1, cv::Scalar(0));
    for (unsigned r = 0; r < b.rows; ++r)
        std::memcpy(out.coverage.ptr(int(r)), b.buffer + std::ptrdiff_t(r) * b.pitch, b.width);
    return out;
}

} // namespace lz::mrz
