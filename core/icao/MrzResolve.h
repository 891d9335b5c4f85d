#pragma once
// From "what each printed position may be" to one MRZ, for a reader that recognises characters
// (the desk camera's OCR, devices/mrz). The check digits decide, never the recogniser's scores:
// each position's candidates are narrowed to the characters its field allows (ICAO 9303-3/4/5/6:
// digits in dates and check digits, letters and '<' in codes and names), the combinations of
// the positions a check digit covers are tried, and a reading is accepted only when exactly one
// combination passes every check digit and date (parseMrz). Two passing combinations — the
// check digit's blind spots, e.g. S/8 or K/< in a document number — are refused as ambiguous
// rather than picked by score. Positions no check digit covers (names, nationality, sex) take
// the best-scoring allowed character: the chip's DG1 is the authority for them.
#include "icao/Mrz.h"

#include <vector>

namespace lz::icao {

struct MrzCandidate {
    char c = '<';       // 'A'–'Z', '0'–'9' or '<'
    float score = 0.0f; // the recogniser's similarity, higher is better (NCC: -1..1)
};

// One position's candidates, any order.
using MrzCell = std::vector<MrzCandidate>;

struct MrzResolveOptions {
    float minScore = 0.45f; // a candidate below this is not a reading of the position
    float delta = 0.06f;    // candidates within this of the position's best stay in play
    // ... and, within this, those with the best's check value (S/8, G/6, K/<): the check digits
    // cannot tell them apart, so only a clear margin may
    float lookAlikeDelta = 0.09f;
    int perCell = 3;               // more choices than this: the position has no reading
    int maxCombinations = 1 << 14; // more than this: too uncertain to try (mrz_unreadable)
};

struct MrzReading {
    Mrz mrz;
    QString text;     // the lines, '\n' between them; empty when keyOnly
    int combinations; // how many were tried (1: every covered position was certain)
    // Only the access key is certain (mrz.key): a position outside it could not be read (a
    // reflection over the optional data) or had two readings that both pass. Each key field then
    // passed its own check digit; the composite could not be checked.
    bool keyOnly = false;
};

// The number of lines and positions of each format: TD1 3×30, TD2 2×36, TD3 2×44.
int mrzLines(Mrz::Format format);
int mrzLineLength(Mrz::Format format);

// cells: every position of every line in reading order (lines × length of them). Errors:
// mrz_format (wrong number of cells), mrz_unreadable (a key position has no candidate, or too
// many combinations), mrz_ambiguous (two combinations with different keys pass), or the named
// check digit error of the best combination when none passes.
Expected<MrzReading, MrzError> resolveMrz(Mrz::Format format, const std::vector<MrzCell>& cells,
                                          const MrzResolveOptions& options = {});

} // namespace lz::icao
