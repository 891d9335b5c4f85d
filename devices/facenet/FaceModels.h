#pragma once
// The pinned face models: @vladmandic/face-api 1.7.15 from the npm registry (MIT; the descriptor
// weights are dlib's, public domain), fetched by scripts/bootstrap into a cache and installed
// beside the program — never downloaded at run time. Every file is checked against its SHA-256
// before it is parsed, so a swapped model cannot change what "same person" means.
#include "face/FaceWeights.h"
#include "facenet/FaceNets.h"

#include <QString>
#include <memory>

namespace lz::face {

// Written into the log beside every face score: a score means something only with its model.
inline constexpr const char* kFaceModelVersion = "face-api-1.7.15";

struct FaceModels {
    std::unique_ptr<TinyFaceDetector> detector;      // 416×416: camera frames
    std::unique_ptr<TinyFaceDetector> smallDetector; // 224×224: small pictures (a document photo)
    std::unique_ptr<LandmarkNet> landmarks;
    std::unique_ptr<DescriptorNet> descriptor;

    // `dir` holds the package's model/ files (…-weights_manifest.json and .bin).
    static Expected<FaceModels, ModelFailure> load(const QString& dir);
};

// Where the build found the models (LZ_FACE_MODELS_DIR), for tests, tools and the demo; the
// configuration's [face] models overrides it in production.
QString builtInModelsDir();

} // namespace lz::face
