#pragma once
// Reads a travel document's machine-readable zone from a camera frame (issue 18; the design and
// its sources in docs/passports.md "Reading the MRZ with the camera"):
//   1. find it: dark strokes (black-hat) with strong horizontal gradients (Scharr), closed into
//      lines and the lines into a block, kept when the block is long and thin;
//   2. straighten it (the block's rotated rectangle, warped level), cut it into its 2 or 3
//      lines by the rows' ink, and scale each line to a fixed pitch from its measured extent;
//   3. compare each position of the fixed-pitch grid with the 37 OCR-B glyphs (FreeType, pinned
//      font; three stroke weights, sharp and blurred) by normalised cross-correlation, refitting
//      the grid to where the glyphs were found;
//   4. let the check digits decide (core's resolveMrz): one reading passing every check, or none.
// Not a general OCR: OCR-B at the MRZ's fixed pitch only, which is what makes templates enough.
// The text it returns only spares the clerk typing: the chip's BAC/PACE and DG1 still judge it.
#include "icao/MrzResolve.h"
#include "mrz/OcrbFont.h"

#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace lz::mrz {

// What the clerk is told when a frame gives no reading.
enum class MrzHint {
    Read,       // a reading passed every check digit
    NoMrz,      // nothing like an MRZ in view
    TooSmall,   // an MRZ, but its characters are too small to read: bring the page closer
    Glare,      // an MRZ under a reflection: tilt the page
    Unreadable, // an MRZ, but no reading passed its check digits (blur, a fold, a finger)
    Ambiguous,  // two readings pass every check digit (e.g. S/8 in the document number)
};
const char* mrzHintName(MrzHint h);

struct MrzFrameResult {
    std::optional<icao::MrzReading> reading;
    MrzHint hint = MrzHint::NoMrz;
    std::vector<cv::Point2f> region; // the zone's corners in the frame, when one was found
    double pitch = 0;                // the characters' pitch in frame pixels (0: none found)
    QString error;                   // the resolver's named error of the best attempt, for tests
    // The best-scoring character of each position of the last attempt, for the benchmark's
    // diagnostics. A document's data: never logged.
    QString bestGuess;
};

struct MrzGlyphSet; // the templates, made once per reader

class MrzReader {
public:
    explicit MrzReader(std::shared_ptr<const OcrbFont> font);
    ~MrzReader();
    MrzReader(const MrzReader&) = delete;
    MrzReader& operator=(const MrzReader&) = delete;

    // A BGR or grey frame. Uses one thread; not thread-safe (one reader per thread).
    MrzFrameResult read(const cv::Mat& frame);

    // The pitch (px) each line is scaled to before matching.
    static constexpr int kPitch = 20;

private:
    MrzFrameResult readFrame(const cv::Mat& frame);
    std::unique_ptr<MrzGlyphSet> m_glyphs;
};

} // namespace lz::mrz
