#pragma once
// A guest for the face check's tests and screenshots: a face from face-api's sample photos as a
// passport-style portrait (≤ 16 KB JPEG), a phone holding it whose credential signs its hash
// (demo holder 1, demo issuer 0), and a printed photo of it moved about in front of the camera
// (an MJPEG video file). The photos come with the pinned npm package (scripts/bootstrap).
#include "credential/Credential.h"
#include "crypto/Digest.h"
#include "demo/DemoKit.h"
#include "facenet/FaceModels.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace lz::test {

// sample5's second woman from the left, head and shoulders (102:126), as a ≤ 16 KB JPEG.
inline QByteArray portraitJpeg(cv::Mat* decoded) {
    const cv::Mat img =
        cv::imread((face::builtInModelsDir() + QStringLiteral("/../demo/sample5.jpg")).toStdString());
    const cv::Rect2d f(533, 435, 286, 242);
    const double w = f.width * 1.7, h = w * 126.0 / 102.0;
    cv::Mat crop =
        img(cv::Rect(int(f.x + f.width / 2 - w / 2), int(f.y + f.height * 0.55 - h / 2), int(w), int(h)))
            .clone();
    cv::resize(crop, crop, cv::Size(240, 296), 0, 0, cv::INTER_AREA);
    for (int q = 90; q >= 20; q -= 5) {
        std::vector<uchar> buf;
        cv::imencode(".jpg", crop, buf, {cv::IMWRITE_JPEG_QUALITY, q});
        if (buf.size() <= 16 * 1024) {
            *decoded = cv::imdecode(buf, cv::IMREAD_COLOR);
            return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
        }
    }
    return {};
}

// The photo printed and held up to the camera: moved, tilted, turned about its vertical axis.
inline void writePrintedPhotoVideo(const QString& path, const cv::Mat& photo) {
    cv::VideoWriter out(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 15,
                        cv::Size(1280, 720));
    for (int i = 0; i < 75; ++i) {
        const double t = i / 15.0;
        cv::Mat frame(720, 1280, CV_8UC3, cv::Scalar(70, 80, 90));
        const double turn = 0.4 * std::sin(t * 1.3), scale = 1.5 + 0.1 * std::sin(t);
        const cv::Point2f c(float(640 + 60 * std::sin(t * 1.1)), 360.f);
        const float w = float(photo.cols * scale * std::cos(turn)), h = float(photo.rows * scale);
        std::vector<cv::Point2f> src{
            {0, 0}, {float(photo.cols), 0}, {float(photo.cols), float(photo.rows)}, {0, float(photo.rows)}};
        std::vector<cv::Point2f> dst{{c.x - w / 2, c.y - h / 2},
                                     {c.x + w / 2, c.y - h / 2},
                                     {c.x + w / 2, c.y + h / 2},
                                     {c.x - w / 2, c.y + h / 2}};
        cv::warpPerspective(photo, frame, cv::getPerspectiveTransform(src, dst), frame.size(),
                            cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
        out.write(frame);
    }
}

// In `dir`: cred.cose (holder 1's credential with the portrait's hash), device.pem, portrait.jpg.
inline bool writeHolderWithPortrait(const demo::DemoKit& kit, const QString& dir, const QByteArray& jpeg) {
    const auto& holder = kit.holders().at(1);
    const auto& issuer = kit.issuers().at(0);
    Credential c;
    c.issuer = issuer.entry.issuer;
    c.id = QByteArray::fromHex("0a0b0c0d0e0f1011");
    c.issuedAt = c.notBefore = QDateTime::currentSecsSinceEpoch() - 86400;
    c.expiresAt = c.issuedAt + 86400 * 365;
    c.holderKey = holder.deviceKey.publicKey();
    c.identity = holder.identity;
    c.portraitHash = sha256({jpeg});
    auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(QDir(dir).filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    return write(QStringLiteral("cred.cose"), c.issue(issuer.key, issuer.entry.kid)) &&
           write(QStringLiteral("device.pem"), holder.deviceKey.toPem()) &&
           write(QStringLiteral("portrait.jpg"), jpeg);
}

} // namespace lz::test
