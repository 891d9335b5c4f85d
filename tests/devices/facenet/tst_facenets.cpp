// The C++ port of face-api's three networks against the reference itself: the fixtures are what
// @vladmandic/face-api 1.7.15 on TF.js's CPU backend computed for the package's own sample photos
// (tools/face-parity/make-fixtures.sh). Bars (issue 17): every reference face found with box IoU
// ≥ 0.9, its 68 landmarks within 1 px, its descriptor's cosine ≥ 0.995 — end to end, and for the
// landmark and descriptor nets alone, fed the reference's own box and landmarks.
#include "crypto/Digest.h"
#include "facenet/FaceAnalyzer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace lz;
using namespace lz::face;

namespace {

struct RefFace {
    BoxD box;
    Landmarks landmarks{};
    Descriptor descriptor{};
};

double iou(const BoxD& a, const BoxD& b) {
    const double w = std::max(0.0, std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x));
    const double h = std::max(0.0, std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y));
    return w * h / (a.width * a.height + b.width * b.height - w * h);
}

double cosine(const Descriptor& a, const Descriptor& b) {
    double ab = 0, aa = 0, bb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return ab / std::sqrt(aa * bb);
}

double worstPoint(const Landmarks& a, const Landmarks& b) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max({worst, std::abs(a[i].x - b[i].x), std::abs(a[i].y - b[i].y)});
    return worst;
}

RefFace refFace(const QJsonObject& f) {
    RefFace r;
    const QJsonArray box = f.value("box").toArray();
    r.box = BoxD{box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble()};
    const QJsonArray pts = f.value("landmarks").toArray();
    for (int i = 0; i < 68; ++i)
        r.landmarks[size_t(i)] = PointD{pts[i].toArray()[0].toDouble(), pts[i].toArray()[1].toDouble()};
    const QJsonArray d = f.value("descriptor").toArray();
    for (int i = 0; i < 128; ++i)
        r.descriptor[size_t(i)] = float(d[i].toDouble());
    return r;
}

} // namespace

class TestFaceNets : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QFile f(QString::fromUtf8(qgetenv("LZ_SOURCE_DIR")) +
                "/tests/devices/facenet/face-api-fixtures.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_fixtures = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m_fixtures.value("faceApi").toString(), QStringLiteral("1.7.15"));
        auto models = FaceModels::load(builtInModelsDir());
        QVERIFY2(models.hasValue(), models ? "" : qPrintable(models.error().text()));
        m_models = std::move(*models);
    }

    // The whole pipeline on each sample photo: the same faces, boxes, landmarks, descriptors.
    void endToEndParity() {
        FaceAnalyzer analyzer(std::move(m_models));
        double worstIou = 1, worstPx = 0, worstCos = 1;
        int faces = 0;
        for (const QJsonValue& v : m_fixtures.value("images").toArray()) {
            const QJsonObject img = v.toObject();
            const cv::Mat bgr = readSample(img);
            QVERIFY(!bgr.empty());
            const std::vector<FaceReading> mine = analyzer.readAll(bgr);
            const QJsonArray ref = img.value("faces").toArray();
            QCOMPARE(int(mine.size()), ref.size());
            for (const QJsonValue& rf : ref) {
                const RefFace r = refFace(rf.toObject());
                const auto match = std::max_element(
                    mine.begin(), mine.end(), [&](const FaceReading& a, const FaceReading& b) {
                        return iou(a.detection.box, r.box) < iou(b.detection.box, r.box);
                    });
                const Descriptor d = analyzer.describe(*match);
                worstIou = std::min(worstIou, iou(match->detection.box, r.box));
                worstPx = std::max(worstPx, worstPoint(match->landmarks, r.landmarks));
                worstCos = std::min(worstCos, cosine(d, r.descriptor));
                ++faces;
            }
        }
        qInfo("end to end, %d faces: box IoU >= %.6f, landmarks within %.2e px, descriptor cosine >= %.8f",
              faces, worstIou, worstPx, worstCos);
        QCOMPARE(faces, 20);
        QVERIFY(worstIou >= 0.9);
        QVERIFY(worstPx <= 1.0);
        QVERIFY(worstCos >= 0.995);
        m_models = FaceModels{}; // moved into the analyzer
    }

private:
    cv::Mat readSample(const QJsonObject& img) {
        const QString path = builtInModelsDir() + "/../demo/" + img.value("image").toString() + ".jpg";
        cv::Mat bgr = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
        if (bgr.empty())
            return bgr;
        // The reference saw the same pixels (its decoder is libjpeg-turbo too): checked, so that a
        // decoder change is not mistaken for a fault of the port.
        cv::Mat rgb;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        const QByteArray pixels(reinterpret_cast<const char*>(rgb.data), qsizetype(rgb.total() * 3));
        if (sha256({pixels}).toHex() != img.value("rgbSha256").toString().toLatin1()) {
            qWarning("%s: decoded pixels differ from the reference's", qPrintable(path));
            return {};
        }
        return bgr;
    }

    QJsonObject m_fixtures;
    FaceModels m_models;
};

QTEST_GUILESS_MAIN(TestFaceNets)
#include "tst_facenets.moc"
