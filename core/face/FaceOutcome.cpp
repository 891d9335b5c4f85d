#include "face/FaceOutcome.h"

namespace lz::face {

bool venueOffersFaceCheck(const QString& venueTypeName) {
    return venueTypeName != QLatin1String("parcel_counter");
}

QString FaceOutcome::checkName() const {
    if (!consent)
        return QStringLiteral("declined");
    if (liveness != QLatin1String("passed"))
        return QStringLiteral("not_live");
    return faceVerdictName(verdict.value_or(FaceVerdict::Undecided));
}

} // namespace lz::face
