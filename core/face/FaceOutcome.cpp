#include "face/FaceOutcome.h"

namespace lz::face {

bool venueOffersFaceCheck(const QString& venueTypeName) {
    return venueTypeName != QLatin1String("parcel_counter");
}

bool faceCheckOffered(const QString& offer, const QString& venueTypeName) {
    if (offer == QLatin1String("no"))
        return false;
    return offer == QLatin1String("yes") || venueOffersFaceCheck(venueTypeName);
}

QString faceCheckProblemName(FaceCheckProblem p) {
    switch (p) {
    case FaceCheckProblem::DocumentNoFace:
        return QStringLiteral("portrait_no_face");
    case FaceCheckProblem::CameraAbsent:
        return QStringLiteral("camera_absent");
    case FaceCheckProblem::Unavailable:
        return QStringLiteral("face_unavailable");
    }
    return QStringLiteral("face_unavailable");
}

QString FaceOutcome::checkName() const {
    if (!consent)
        return QStringLiteral("declined");
    if (liveness != QLatin1String("passed"))
        return QStringLiteral("not_live");
    return faceVerdictName(verdict.value_or(FaceVerdict::Undecided));
}

} // namespace lz::face
