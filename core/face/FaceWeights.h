#pragma once
// The weights of one face network as the TF.js converter wrote them: a JSON manifest naming
// each tensor (shape, dtype, optional uint8 quantization) and a .bin with the tensors back to
// back in manifest order. No library in Debian reads this format (OpenCV 4.6's dnn has no TF.js
// importer), so it is parsed here; these are outside bytes, hence typed errors and a fuzz target
// (fuzz/fuzz_face_weights.cpp).
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <string>
#include <vector>

namespace lz::face {

enum class ModelError {
    FileMissing,       // a model file is not where the configuration says
    ChecksumMismatch,  // a model file is not the pinned one
    ManifestMalformed, // not the TF.js weights-manifest JSON
    UnsupportedDtype,  // a dtype or quantization this loader does not read
    SizeMismatch,      // the .bin's length is not what the manifest describes
    MissingTensor,     // the network needs a tensor the manifest lacks
    ShapeMismatch,     // a tensor has another shape than the network needs
};

QString modelErrorName(ModelError e);

struct ModelFailure {
    ModelError code;
    QString detail;
    QString text() const { return modelErrorName(code) + QStringLiteral(": ") + detail; }
};

// One tensor, dequantized to float32, in the manifest's (TensorFlow) layout: a convolution's
// filters are [kh, kw, cin, cout], a depthwise filter [kh, kw, c, 1], a dense layer [in, out].
struct WeightTensor {
    std::vector<int> shape;
    std::vector<float> values;
};

class FaceWeights {
public:
    // The manifest's groups must name exactly one .bin between them; `bin` is its content.
    static Expected<FaceWeights, ModelFailure> parse(const QByteArray& manifestJson, const QByteArray& bin);

    // The tensor `name` with exactly `shape`, or MissingTensor / ShapeMismatch.
    Expected<const WeightTensor*, ModelFailure> get(const std::string& name,
                                                    const std::vector<int>& shape) const;
    size_t size() const { return m_tensors.size(); }
    size_t parameterCount() const;

private:
    std::map<std::string, WeightTensor> m_tensors;
};

} // namespace lz::face
