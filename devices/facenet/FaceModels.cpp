#include "facenet/FaceModels.h"

#include "crypto/Digest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace lz::face {

namespace {

struct PinnedFile {
    const char* name;
    const char* sha256;
};

// sha256sum of package/model/* in face-api-1.7.15.tgz (npm integrity
// sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==).
constexpr PinnedFile kPinned[] = {
    {"tiny_face_detector_model-weights_manifest.json",
     "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5"},
    {"tiny_face_detector_model.bin", "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871"},
    {"face_landmark_68_model-weights_manifest.json",
     "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9"},
    {"face_landmark_68_model.bin", "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b"},
    {"face_recognition_model-weights_manifest.json",
     "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"},
    {"face_recognition_model.bin", "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589"},
};

Expected<QByteArray, ModelFailure> readPinned(const QString& dir, const QString& name) {
    QFile f(dir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(
            ModelFailure{ModelError::FileMissing, f.fileName() + QStringLiteral(" (run scripts/bootstrap)")});
    const QByteArray bytes = f.readAll();
    for (const PinnedFile& p : kPinned) {
        if (name == QLatin1String(p.name)) {
            if (sha256({bytes}).toHex() != QByteArray(p.sha256))
                return unexpected(ModelFailure{ModelError::ChecksumMismatch, name});
            return bytes;
        }
    }
    return unexpected(
        ModelFailure{ModelError::ChecksumMismatch, name + QStringLiteral(" is not a pinned file")});
}

Expected<FaceWeights, ModelFailure> readModel(const QString& dir, const QString& model) {
    auto manifest = readPinned(dir, model + QStringLiteral("-weights_manifest.json"));
    if (!manifest)
        return unexpected(manifest.error());
    auto bin = readPinned(dir, model + QStringLiteral(".bin"));
    if (!bin)
        return unexpected(bin.error());
    return FaceWeights::parse(*manifest, *bin);
}

} // namespace

Expected<FaceModels, ModelFailure> FaceModels::load(const QString& dir) {
    FaceModels m;
    auto detector = readModel(dir, QStringLiteral("tiny_face_detector_model"));
    if (!detector)
        return unexpected(detector.error());
    auto d = TinyFaceDetector::create(*detector);
    if (!d)
        return unexpected(d.error());
    m.detector = std::move(*d);
    auto small = TinyFaceDetector::create(*detector, 224);
    if (!small)
        return unexpected(small.error());
    m.smallDetector = std::move(*small);
    auto landmarks = readModel(dir, QStringLiteral("face_landmark_68_model"));
    if (!landmarks)
        return unexpected(landmarks.error());
    auto l = LandmarkNet::create(*landmarks);
    if (!l)
        return unexpected(l.error());
    m.landmarks = std::move(*l);
    auto descriptor = readModel(dir, QStringLiteral("face_recognition_model"));
    if (!descriptor)
        return unexpected(descriptor.error());
    auto r = DescriptorNet::create(*descriptor);
    if (!r)
        return unexpected(r.error());
    m.descriptor = std::move(*r);
    return m;
}

QString builtInModelsDir() {
    // Installed: the package's copy beside the program (../share/liangzheng/face-api/model);
    // a build tree: where the build found the pinned npm package.
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/liangzheng/face-api/model");
    if (QFileInfo::exists(installed + QStringLiteral("/face_recognition_model.bin")))
        return QDir::cleanPath(installed);
    return QStringLiteral(LZ_FACE_MODELS_DIR);
}

} // namespace lz::face
