// The TF.js weights manifest + .bin parser: dequantization as TF.js does it, little-endian
// float32 tensors, and a named error for every way the files can be wrong.
#include "face/FaceWeights.h"

#include <QTest>
#include <QtEndian>

using namespace lz::face;

namespace {

QByteArray manifest(const QByteArray& weights) {
    return R"([{"paths":["m.bin"],"weights":[)" + weights + "]}]";
}

const QByteArray kQuantized =
    R"({"name":"q","shape":[2,2],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1}})";
const QByteArray kPlain = R"({"name":"f","shape":[2],"dtype":"float32"})";

QByteArray floats(std::initializer_list<float> v) {
    QByteArray out;
    for (float f : v) {
        char b[4];
        qToLittleEndian(f, b);
        out.append(b, 4);
    }
    return out;
}

} // namespace

class TestFaceWeights : public QObject {
    Q_OBJECT
private slots:
    void parsesQuantizedAndPlainTensors() {
        const QByteArray bin = QByteArray::fromHex("00020aff") + floats({1.5f, -2.25f});
        auto w = FaceWeights::parse(manifest(kQuantized + "," + kPlain), bin);
        QVERIFY2(w.hasValue(), w ? "" : qPrintable(w.error().text()));
        QCOMPARE(w->size(), size_t(2));
        QCOMPARE(w->parameterCount(), size_t(6));
        auto q = w->get("q", {2, 2});
        QVERIFY(q.hasValue());
        // f = q × scale + min, as TF.js's decodeWeights.
        QCOMPARE((*q)->values, (std::vector<float>{-1.f, 0.f, 4.f, 126.5f}));
        auto f = w->get("f", {2});
        QVERIFY(f.hasValue());
        QCOMPARE((*f)->values, (std::vector<float>{1.5f, -2.25f}));
    }

    void namesEveryProblem() {
        const QByteArray bin = QByteArray(4, '\0') + floats({0, 0});
        auto code = [](const lz::Expected<FaceWeights, ModelFailure>& r) {
            return r ? QString() : modelErrorName(r.error().code);
        };
        QCOMPARE(code(FaceWeights::parse("{not json", bin)), QStringLiteral("model_manifest_malformed"));
        QCOMPARE(code(FaceWeights::parse("[]", bin)), QStringLiteral("model_manifest_malformed"));
        QCOMPARE(code(FaceWeights::parse(manifest(kQuantized + "," + kPlain), bin.left(11))),
                 QStringLiteral("model_size_mismatch"));
        QCOMPARE(code(FaceWeights::parse(manifest(kQuantized + "," + kPlain), bin + "x")),
                 QStringLiteral("model_size_mismatch"));
        QCOMPARE(code(FaceWeights::parse(manifest(R"({"name":"h","shape":[2],"dtype":"float16"})"), bin)),
                 QStringLiteral("model_unsupported_dtype"));
        QCOMPARE(
            code(FaceWeights::parse(
                manifest(
                    R"({"name":"h","shape":[2],"dtype":"float32","quantization":{"dtype":"uint16","scale":1,"min":0}})"),
                bin)),
            QStringLiteral("model_unsupported_dtype"));
        // A shape that would need more memory than the file holds is refused before allocating.
        QCOMPARE(code(FaceWeights::parse(
                     manifest(R"({"name":"big","shape":[12,65536,65536],"dtype":"float32"})"), bin)),
                 QStringLiteral("model_size_mismatch"));
        QCOMPARE(code(FaceWeights::parse(manifest(R"({"name":"neg","shape":[-1],"dtype":"float32"})"), bin)),
                 QStringLiteral("model_manifest_malformed"));
        QCOMPARE(code(FaceWeights::parse(manifest(R"({"shape":[1],"dtype":"float32"})"), bin)),
                 QStringLiteral("model_manifest_malformed"));
        QCOMPARE(code(FaceWeights::parse(manifest(kPlain + "," + kPlain), floats({0, 0, 0, 0}))),
                 QStringLiteral("model_manifest_malformed"));

        auto w = FaceWeights::parse(manifest(kQuantized + "," + kPlain), bin);
        QVERIFY(w.hasValue());
        QCOMPARE(modelErrorName(w->get("nope", {1}).error().code), QStringLiteral("model_missing_tensor"));
        const auto wrong = w->get("q", {4});
        QCOMPARE(modelErrorName(wrong.error().code), QStringLiteral("model_shape_mismatch"));
        QVERIFY2(wrong.error().detail.contains("[2,2]"), qPrintable(wrong.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestFaceWeights)
#include "tst_faceweights.moc"
