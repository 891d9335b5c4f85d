#pragma once
// What a face distance means (docs/face-match.md): the Euclidean distance between the document
// photo's and the live face's 128-d descriptors. dlib trained its model so that one person's
// faces lie within 0.6 of each other; the terminal says "the same person" only well inside that
// ball, "not the same person" outside it, and leaves the band between to the clerk.
#include <QString>
#include <optional>

namespace lz::face {

enum class FaceVerdict {
    Same,      // 同一人
    Different, // 不一致
    Undecided, // 无法判断: the band between, or no usable face on one side
};

inline constexpr double kSamePersonBelow = 0.45;
inline constexpr double kDifferentFrom = 0.55;

FaceVerdict faceVerdictOf(std::optional<double> distance);
QString faceVerdictName(FaceVerdict v); // "same", "different", "undecided": the log's words

} // namespace lz::face
