#include "face/FaceWeights.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstring>
#include <limits>

namespace lz::face {

QString modelErrorName(ModelError e) {
    switch (e) {
    case ModelError::FileMissing:
        return QStringLiteral("model_file_missing");
    case ModelError::ChecksumMismatch:
        return QStringLiteral("model_checksum_mismatch");
    case ModelError::ManifestMalformed:
        return QStringLiteral("model_manifest_malformed");
    case ModelError::UnsupportedDtype:
        return QStringLiteral("model_unsupported_dtype");
    case ModelError::SizeMismatch:
        return QStringLiteral("model_size_mismatch");
    case ModelError::MissingTensor:
        return QStringLiteral("model_missing_tensor");
    case ModelError::ShapeMismatch:
        return QStringLiteral("model_shape_mismatch");
    }
    return QStringLiteral("model_unknown_error");
}

namespace {

Unexpected<ModelFailure> fail(ModelError code, QString detail) {
    return unexpected(ModelFailure{code, std::move(detail)});
}

QString shapeText(const std::vector<int>& shape) {
    QStringList parts;
    for (int d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

struct Entry {
    std::string name;
    std::vector<int> shape;
    size_t count = 0;
    bool quantized = false;
    double scale = 1, min = 0;
};

// One manifest entry; the element count is bounded by the .bin's length so that a hostile shape
// cannot ask for more memory than the file holds.
Expected<Entry, ModelFailure> readEntry(const QJsonObject& w, size_t binSize) {
    Entry e;
    e.name = w.value(QStringLiteral("name")).toString().toStdString();
    if (e.name.empty())
        return fail(ModelError::ManifestMalformed, QStringLiteral("a tensor without a name"));
    const QString label = QString::fromStdString(e.name);
    if (!w.value(QStringLiteral("shape")).isArray())
        return fail(ModelError::ManifestMalformed, label + QStringLiteral(": no shape"));
    e.count = 1;
    for (const QJsonValue& d : w.value(QStringLiteral("shape")).toArray()) {
        const double v = d.toDouble(-1);
        if (!d.isDouble() || v < 1 || v > 2147483647.0 || v != std::floor(v))
            return fail(ModelError::ManifestMalformed, label + QStringLiteral(": bad dimension"));
        e.shape.push_back(int(v));
        e.count *= size_t(v);
        if (e.count > binSize)
            return fail(ModelError::SizeMismatch, label + QStringLiteral(": larger than the .bin"));
    }
    if (w.value(QStringLiteral("dtype")).toString() != QStringLiteral("float32"))
        return fail(ModelError::UnsupportedDtype,
                    label + QStringLiteral(": dtype ") + w.value(QStringLiteral("dtype")).toString());
    const QJsonValue q = w.value(QStringLiteral("quantization"));
    if (!q.isUndefined()) {
        const QJsonObject qo = q.toObject();
        if (qo.value(QStringLiteral("dtype")).toString() != QStringLiteral("uint8"))
            return fail(ModelError::UnsupportedDtype, label + QStringLiteral(": quantization ") +
                                                          qo.value(QStringLiteral("dtype")).toString());
        if (!qo.value(QStringLiteral("scale")).isDouble() || !qo.value(QStringLiteral("min")).isDouble())
            return fail(ModelError::ManifestMalformed,
                        label + QStringLiteral(": quantization without scale/min"));
        e.quantized = true;
        e.scale = qo.value(QStringLiteral("scale")).toDouble();
        e.min = qo.value(QStringLiteral("min")).toDouble();
    }
    return e;
}

} // namespace

Expected<FaceWeights, ModelFailure> FaceWeights::parse(const QByteArray& manifestJson,
                                                       const QByteArray& bin) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(manifestJson, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().isEmpty())
        return fail(ModelError::ManifestMalformed, QStringLiteral("not a JSON array of weight groups"));
    const size_t binSize = size_t(bin.size());
    FaceWeights out;
    size_t offset = 0;
    for (const QJsonValue& group : doc.array()) {
        if (!group.toObject().value(QStringLiteral("weights")).isArray())
            return fail(ModelError::ManifestMalformed, QStringLiteral("a group without weights"));
        if (group.toObject().value(QStringLiteral("paths")).toArray().size() > 1)
            return fail(ModelError::UnsupportedDtype, QStringLiteral("sharded weights (more than one .bin)"));
        for (const QJsonValue& w : group.toObject().value(QStringLiteral("weights")).toArray()) {
            auto entry = readEntry(w.toObject(), binSize);
            if (!entry)
                return unexpected(entry.error());
            const size_t bytes = entry->count * (entry->quantized ? 1 : 4);
            if (offset + bytes > binSize)
                return fail(ModelError::SizeMismatch, QString::fromStdString(entry->name) +
                                                          QStringLiteral(": past the end of the .bin"));
            WeightTensor t;
            t.shape = entry->shape;
            t.values.resize(entry->count);
            const auto* src = reinterpret_cast<const unsigned char*>(bin.constData()) + offset;
            for (size_t i = 0; i < entry->count; ++i) {
                if (entry->quantized) {
                    // As TF.js dequantizes: in double, stored as float32.
                    t.values[i] = float(double(src[i]) * entry->scale + entry->min);
                } else {
                    quint32 bits = quint32(src[4 * i]) | quint32(src[4 * i + 1]) << 8 |
                                   quint32(src[4 * i + 2]) << 16 |
                                   quint32(src[4 * i + 3]) << 24; // little-endian on the wire
                    std::memcpy(&t.values[i], &bits, 4);
                }
            }
            offset += bytes;
            if (!out.m_tensors.emplace(entry->name, std::move(t)).second)
                return fail(ModelError::ManifestMalformed,
                            QString::fromStdString(entry->name) + QStringLiteral(": named twice"));
        }
    }
    if (offset != binSize)
        return fail(
            ModelError::SizeMismatch,
            QStringLiteral("the .bin has %1 bytes, the manifest describes %2").arg(binSize).arg(offset));
    return out;
}

Expected<const WeightTensor*, ModelFailure> FaceWeights::get(const std::string& name,
                                                             const std::vector<int>& shape) const {
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end())
        return fail(ModelError::MissingTensor, QString::fromStdString(name));
    if (it->second.shape != shape)
        return fail(ModelError::ShapeMismatch, QString::fromStdString(name) + QStringLiteral(" is ") +
                                                   shapeText(it->second.shape) +
                                                   QStringLiteral(", the network needs ") + shapeText(shape));
    return &it->second;
}

size_t FaceWeights::parameterCount() const {
    size_t n = 0;
    for (const auto& [name, t] : m_tensors)
        n += t.values.size();
    return n;
}

} // namespace lz::face
