// QR decoding of camera frames, side by side on the same generated frames (bench/QrCorpus):
// Liangzheng's QrFrameDecoder, plain ZXing-C++ (default hints, and QR-only fast), OpenCV
// contrib's wechat_qrcode with its CNN models (from ../shared/models/wechat_qrcode, benchmark
// data that never enters the repository) and without them, and zbar. One core.
// Bars (issue 3): decode rate >= WeChat-with-CNN overall and in every condition class, median
// time <= ZXing default's, p95 <= 15 ms, zero false positives, zero wrong texts.
// Usage: scan_bench [--frames N (with code, default 500)] [--no-code N (default 100)] [--models DIR]
//                   [--dump-misses DIR] [--peers liangzheng,wechat-cnn,...] [--seed N]
#include "Percentile.h"
#include <zbar.h> // before ZXing: ZXing's Error.h clashes with zbar's macros

#include "QrCorpus.h"
#include "qr/QrFrameDecoder.h"

#include "toolkit/CliSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <ZXing/ReadBarcode.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <opencv2/wechat_qrcode.hpp>

using namespace lz;
using lz::bench::percentile;

namespace {

using Decode = std::function<std::optional<std::string>(const cv::Mat& gray)>;
struct Peer {
    std::string name;
    Decode decode;
};

std::optional<std::string> zxingRead(const cv::Mat& g, const ZXing::DecodeHints& hints) {
    const ZXing::ImageView view(g.data, g.cols, g.rows, ZXing::ImageFormat::Lum, int(g.step));
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid())
        return std::nullopt;
    return r.text();
}

struct Tally {
    int decoded = 0, wrong = 0, falsePositive = 0, withCode = 0, withoutCode = 0;
    std::vector<double> ms;
    std::map<QString, std::pair<int, int>> byCondition; // decoded, total
    std::map<QString, std::pair<int, int>> byBand;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const cli::Options options(app.arguments().mid(1));
    const int withCode = options.number("--frames", 500);
    const int withoutCode = options.number("--no-code", 100);
    const QString models = options.value(QStringLiteral("--models"),
                                         QStringLiteral(LZ_SOURCE_DIR "/../shared/models/wechat_qrcode"));
    const QString dumpDir = options.value(QStringLiteral("--dump-misses")); // write our missed frames as PNGs
    if (!dumpDir.isEmpty())
        QDir().mkpath(dumpDir);
    cv::setNumThreads(1);

    const unsigned seed = options.number("--seed", 20261122);
    const auto corpus = bench::makeCorpus(seed, withCode, withoutCode);
    std::printf("corpus: %d frames with a code (QR version 10-20, level M), %d without, 1280x720, seed %u\n",
                withCode, withoutCode, seed);
    std::vector<cv::Mat> frames;
    frames.reserve(corpus.size());
    for (const auto& f : corpus) {
        cv::Mat g;
        cv::cvtColor(renderPhoneFrame(f.text, f.scene), g, cv::COLOR_BGR2GRAY);
        frames.push_back(g);
    }

    std::vector<Peer> peers;
    QrFrameDecoder ours;
    peers.push_back({"liangzheng", [&](const cv::Mat& g) -> std::optional<std::string> {
                         ours.reset(); // frames are independent: no help from the last position
                         const auto r = ours.decode(g);
                         return r.text ? std::optional<std::string>(r.text->toStdString()) : std::nullopt;
                     }});
    peers.push_back({"zxing-default", [](const cv::Mat& g) { return zxingRead(g, ZXing::DecodeHints()); }});
    ZXing::DecodeHints fast;
    fast.setFormats(ZXing::BarcodeFormat::QRCode);
    fast.setTryHarder(false);
    peers.push_back({"zxing-qr-fast", [fast](const cv::Mat& g) { return zxingRead(g, fast); }});
    std::unique_ptr<cv::wechat_qrcode::WeChatQRCode> wechatCnn, wechatPlain;
    if (QFileInfo::exists(models + QStringLiteral("/detect.caffemodel"))) {
        const auto m = [&](const char* f) {
            return (models + QLatin1Char('/') + QLatin1String(f)).toStdString();
        };
        wechatCnn = std::make_unique<cv::wechat_qrcode::WeChatQRCode>(
            m("detect.prototxt"), m("detect.caffemodel"), m("sr.prototxt"), m("sr.caffemodel"));
        peers.push_back({"wechat-cnn", [&](const cv::Mat& g) -> std::optional<std::string> {
                             const auto r = wechatCnn->detectAndDecode(g);
                             return r.empty() ? std::nullopt : std::optional<std::string>(r.front());
                         }});
    } else {
        std::printf("wechat-cnn: SKIPPED, models not found in %s\n", qPrintable(models));
    }
    wechatPlain = std::make_unique<cv::wechat_qrcode::WeChatQRCode>();
    peers.push_back({"wechat-nocnn", [&](const cv::Mat& g) -> std::optional<std::string> {
                         const auto r = wechatPlain->detectAndDecode(g);
                         return r.empty() ? std::nullopt : std::optional<std::string>(r.front());
                     }});
    zbar::ImageScanner zbarScanner;
    zbarScanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbarScanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    peers.push_back({"zbar", [&](const cv::Mat& g) -> std::optional<std::string> {
                         zbar::Image img(unsigned(g.cols), unsigned(g.rows), "Y800", g.data,
                                         unsigned(g.total()));
                         if (zbarScanner.scan(img) <= 0)
                             return std::nullopt;
                         return img.symbol_begin()->get_data();
                     }});
    {
        cv::QRCodeDetector cvDetector;
        const auto clean =
            std::find_if(corpus.begin(), corpus.end(), [](const auto& f) { return f.condition == "clean"; });
        const std::string got = cvDetector.detectAndDecode(frames[size_t(clean - corpus.begin())]);
        std::printf("cv::QRCodeDetector: %s\n",
                    got.empty() ? "decodes nothing here (Debian's OpenCV is built without quirc); not counted"
                                : "decodes; not part of this comparison");
    }

    const QString only = options.value(QStringLiteral("--peers")); // e.g. liangzheng,wechat-cnn
    if (!only.isEmpty())
        peers.erase(
            std::remove_if(peers.begin(), peers.end(),
                           [&](const Peer& p) {
                               return !only.split(QLatin1Char(',')).contains(QString::fromStdString(p.name));
                           }),
            peers.end());
    std::map<std::string, Tally> tallies;
    for (const Peer& peer : peers) {
        Tally& t = tallies[peer.name];
        for (size_t i = 0; i < corpus.size(); ++i) {
            const auto& f = corpus[i];
            const auto t0 = std::chrono::steady_clock::now();
            const auto got = peer.decode(frames[i]);
            t.ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            if (f.text.isEmpty()) {
                ++t.withoutCode;
                t.falsePositive += got.has_value();
                continue;
            }
            ++t.withCode;
            const bool ok = got && QString::fromStdString(*got) == f.text;
            if (!ok && !dumpDir.isEmpty() && peer.name == "liangzheng") {
                const QString name = QStringLiteral("%1/miss-%2-%3-v%4-px%5.png")
                                         .arg(dumpDir)
                                         .arg(i)
                                         .arg(f.condition)
                                         .arg(f.version)
                                         .arg(f.scene.modulePx, 0, 'f', 1);
                cv::imwrite(name.toStdString(), frames[i]);
            }
            t.wrong += got && !ok;
            t.decoded += ok;
            auto& c = t.byCondition[f.condition];
            c.first += ok;
            ++c.second;
            auto& b = t.byBand[bench::pxBand(f.scene.modulePx)];
            b.first += ok;
            ++b.second;
        }
        std::fprintf(stderr, "%s done\n", peer.name.c_str());
    }

    std::printf("\n%-14s %9s %6s %6s %6s %10s %10s %10s\n", "decoder", "decoded", "rate", "wrong", "falseP",
                "median ms", "p95 ms", "max ms");
    for (const Peer& peer : peers) {
        const Tally& t = tallies[peer.name];
        std::printf("%-14s %4d/%-4d %5.1f%% %6d %6d %10.2f %10.2f %10.1f\n", peer.name.c_str(), t.decoded,
                    t.withCode, 100.0 * t.decoded / std::max(1, t.withCode), t.wrong, t.falsePositive,
                    percentile(t.ms, 0.5), percentile(t.ms, 0.95), percentile(t.ms, 1.0));
    }
    auto table = [&](const char* title, auto member) {
        std::printf("\n%-14s", title);
        const auto& keys = tallies[peers.front().name].*member;
        for (const auto& [k, v] : keys)
            std::printf(" %11s", qPrintable(k));
        std::printf("\n");
        for (const Peer& peer : peers) {
            std::printf("%-14s", peer.name.c_str());
            for (const auto& [k, v] : tallies[peer.name].*member)
                std::printf("   %4d/%-4d", v.first, v.second);
            std::printf("\n");
        }
    };
    table("by condition", &Tally::byCondition);
    table("by px/module", &Tally::byBand);

    // The bars.
    const Tally& us = tallies["liangzheng"];
    std::printf("\nbars:\n");
    if (tallies.count("wechat-cnn")) {
        const Tally& w = tallies["wechat-cnn"];
        bool everyClass = true;
        for (const auto& [k, v] : us.byCondition)
            everyClass = everyClass && v.first >= w.byCondition.at(k).first;
        std::printf("  decode rate >= wechat-cnn overall (%d vs %d): %s; in every condition class: %s\n",
                    us.decoded, w.decoded, us.decoded >= w.decoded ? "meets" : "MISSES",
                    everyClass ? "meets" : "MISSES");
    }
    if (tallies.count("zxing-default")) {
        const double zxMedian = percentile(tallies["zxing-default"].ms, 0.5),
                     ourMedian = percentile(us.ms, 0.5);
        std::printf("  median %.2f ms <= zxing-default median %.2f ms: %s\n", ourMedian, zxMedian,
                    ourMedian <= zxMedian ? "meets" : "MISSES");
    }
    std::printf("  p95 %.2f ms <= 15 ms: %s\n", percentile(us.ms, 0.95),
                percentile(us.ms, 0.95) <= 15 ? "meets" : "MISSES");
    std::printf("  false positives %d, wrong texts %d (bar: 0, 0): %s\n", us.falsePositive, us.wrong,
                us.falsePositive == 0 && us.wrong == 0 ? "meets" : "MISSES");
    return 0;
}
