#include "face/FaceVerdict.h"

namespace lz::face {

FaceVerdict faceVerdictOf(std::optional<double> distance) {
    if (!distance)
        return FaceVerdict::Undecided;
    if (*distance < kSamePersonBelow)
        return FaceVerdict::Same;
    if (*distance >= kDifferentFrom)
        return FaceVerdict::Different;
    return FaceVerdict::Undecided;
}

QString faceVerdictName(FaceVerdict v) {
    switch (v) {
    case FaceVerdict::Same:
        return QStringLiteral("same");
    case FaceVerdict::Different:
        return QStringLiteral("different");
    case FaceVerdict::Undecided:
        return QStringLiteral("undecided");
    }
    return QStringLiteral("undecided");
}

} // namespace lz::face
