#pragma once
// What became of one guest's face check, as the desk records it (core/desk/Desk::recordFaceCheck)
// and the log keeps it: the consent, the live check, the verdict and its distance, the model's
// version — never a face. Anything short of a live "same person" leaves the decision to the
// clerk's own check of the document photo, logged with who and why (docs/face-match.md).
#include "face/FaceVerdict.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace lz::face {

// Venues that offer the face check (人证核验): hotels, internet cafés and government windows;
// not a parcel counter (a courier's check needs no face). [face] offer in the configuration
// overrides it per terminal.
bool venueOffersFaceCheck(const QString& venueTypeName);
// The configuration's [face] offer (auto | yes | no) for this venue type.
bool faceCheckOffered(const QString& offer, const QString& venueTypeName);

// Why a check the guest consented to could not run; the clerk checks, as after a failed live check.
enum class FaceCheckProblem {
    DocumentNoFace, // no face found in the document's photo
    CameraAbsent,   // no camera frames came
    Unavailable,    // the models did not load, or the port failed
};
QString faceCheckProblemName(FaceCheckProblem p); // portrait_no_face, camera_absent, face_unavailable

struct FaceOutcome {
    bool consent = true;                // false: the guest declined the face check
    std::optional<FaceVerdict> verdict; // set when the live check passed and the faces were compared
    std::optional<double> distance;
    QString liveness; // "passed", a livenessFailureName(), or empty when not run
    QString model;    // the model's version (kFaceModelVersion)

    // A live "same person": the only outcome that needs no clerk's own check.
    bool confirmsHolder() const {
        return consent && liveness == QLatin1String("passed") && verdict == FaceVerdict::Same;
    }
    // The log's name for it: same, different, undecided, declined, not_live (the live check
    // failed); a check offered and never run is not_run (the desk's, without an outcome).
    QString checkName() const;
};

} // namespace lz::face
