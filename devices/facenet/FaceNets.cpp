#include "facenet/FaceNets.h"

#include "facenet/NetInput.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace lz::face {

namespace {

// Fetches the tensors a network needs, remembering the first failure so a builder reads as the
// graph it builds (one check at the end, not one per line).
class Tensors {
public:
    explicit Tensors(const FaceWeights& w)
        : m_w(w) {}
    const WeightTensor& operator()(const std::string& name, std::vector<int> shape) {
        auto t = m_w.get(name, shape);
        if (t)
            return **t;
        if (!m_failure)
            m_failure = t.error();
        m_placeholders.push_back(WeightTensor{shape, std::vector<float>(count(shape), 0.f)});
        return m_placeholders.back();
    }
    const std::optional<ModelFailure>& failure() const { return m_failure; }

private:
    static size_t count(const std::vector<int>& s) {
        size_t n = 1;
        for (int d : s)
            n *= size_t(d);
        return n;
    }
    const FaceWeights& m_w;
    std::optional<ModelFailure> m_failure;
    std::deque<WeightTensor> m_placeholders;
};

cv::Mat forward(DnnGraph& g, const DnnGraph::Pin& out, const cv::Mat& blob) {
    return g.run(blob, out);
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

double iou(const BoxD& a, const BoxD& b) {
    const double w = std::max(0.0, std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x));
    const double h = std::max(0.0, std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y));
    const double inter = w * h;
    return inter / (a.width * a.height + b.width * b.height - inter);
}

constexpr RgbMean kDetectorMean{117.001f, 114.697f, 97.404f};
constexpr RgbMean kFaceMean{122.782f, 117.001f, 104.298f};
constexpr double kAnchors[5][2] = {{1.603231, 2.094468},
                                   {6.041143, 7.080126},
                                   {2.882459, 3.518061},
                                   {4.266906, 5.178857},
                                   {9.041765, 10.66308}};

} // namespace

// ---- tiny face detector ------------------------------------------------------------------------

Expected<std::unique_ptr<TinyFaceDetector>, ModelFailure> TinyFaceDetector::create(const FaceWeights& weights,
                                                                                   int inputSize) {
    std::unique_ptr<TinyFaceDetector> d(new TinyFaceDetector(inputSize));
    Tensors t(weights);
    DnnGraph& g = d->m_graph;
    const float leak = 0.1f;
    DnnGraph::Pin x = g.relu(
        g.conv(g.input(), "conv0", t("conv0/filters", {3, 3, 3, 16}), &t("conv0/bias", {16}), 1, Pad::Valid),
        leak);
    x = g.maxPool(x, 2, 2, Pad::Same);
    const int channels[] = {16, 32, 64, 128, 256, 512};
    for (int i = 1; i <= 5; ++i) {
        const std::string n = "conv" + std::to_string(i);
        const int cin = channels[i - 1], cout = channels[i];
        x = g.zeroPad(x, 1, 1, 1, 1);
        x = g.separable(x, n, t(n + "/depthwise_filter", {3, 3, cin, 1}),
                        t(n + "/pointwise_filter", {1, 1, cin, cout}), t(n + "/bias", {cout}), 1, Pad::Valid);
        x = g.relu(x, leak);
        x = g.maxPool(x, 2, i == 5 ? 1 : 2, Pad::Same);
    }
    d->m_out = g.conv(x, "conv8", t("conv8/filters", {1, 1, 512, 25}), &t("conv8/bias", {25}), 1, Pad::Valid);
    if (t.failure())
        return unexpected(*t.failure());
    return d;
}

std::vector<Detection> TinyFaceDetector::detect(const cv::Mat& bgr, double scoreThreshold) {
    const cv::Mat out = forward(
        m_graph, m_out, netInput(bgr, cv::Rect(0, 0, bgr.cols, bgr.rows), m_inputSize, false, kDetectorMean));
    const int cells = out.size[2];
    // face-api's extractBoxes: the image fills round(w·s) × round(h·s) of the padded square.
    const double s = double(m_inputSize) / std::max(bgr.cols, bgr.rows);
    const double reshapedW = std::round(bgr.cols * s), reshapedH = std::round(bgr.rows * s);
    const double side = std::max(reshapedW, reshapedH);
    const double cfX = side / reshapedW, cfY = side / reshapedH;
    auto at = [&](int channel, int row, int col) {
        return double(out.ptr<float>(0, channel)[row * cells + col]);
    };
    std::vector<Detection> found;
    for (int row = 0; row < cells; ++row)
        for (int col = 0; col < cells; ++col)
            for (int a = 0; a < 5; ++a) {
                const double score = sigmoid(at(a * 5 + 4, row, col));
                if (score <= scoreThreshold)
                    continue;
                const double cx = (col + sigmoid(at(a * 5, row, col))) / cells * cfX;
                const double cy = (row + sigmoid(at(a * 5 + 1, row, col))) / cells * cfY;
                const double w = std::exp(at(a * 5 + 2, row, col)) * kAnchors[a][0] / cells * cfX;
                const double h = std::exp(at(a * 5 + 3, row, col)) * kAnchors[a][1] / cells * cfY;
                found.push_back({BoxD{cx - w / 2, cy - h / 2, w, h}, score}); // relative for now
            }
    // Greedy non-maximum suppression at IoU 0.4 (src/ops/nonMaxSuppression.ts).
    std::stable_sort(found.begin(), found.end(),
                     [](const Detection& a, const Detection& b) { return a.score > b.score; });
    std::vector<Detection> kept;
    for (const Detection& d : found) {
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const Detection& k) { return iou(k.box, d.box) > 0.4; }))
            kept.push_back(d);
    }
    for (Detection& d : kept)
        d.box = BoxD{d.box.x * bgr.cols, d.box.y * bgr.rows, d.box.width * bgr.cols, d.box.height * bgr.rows};
    return kept;
}

// ---- 68-point landmarks ------------------------------------------------------------------------

Expected<std::unique_ptr<LandmarkNet>, ModelFailure> LandmarkNet::create(const FaceWeights& weights) {
    std::unique_ptr<LandmarkNet> n(new LandmarkNet());
    Tensors t(weights);
    DnnGraph& g = n->m_graph;
    DnnGraph::Pin x = g.input();
    int cin = 3;
    const int widths[] = {32, 64, 128, 256};
    for (int b = 0; b < 4; ++b) {
        const std::string blk = "dense" + std::to_string(b);
        const int c = widths[b];
        auto sep = [&](DnnGraph::Pin in, int conv, int from, int stride) {
            const std::string p = blk + "/conv" + std::to_string(conv);
            return g.separable(in, p, t(p + "/depthwise_filter", {3, 3, from, 1}),
                               t(p + "/pointwise_filter", {1, 1, from, c}), t(p + "/bias", {c}), stride,
                               Pad::Same);
        };
        const DnnGraph::Pin out1 =
            g.relu(b == 0 ? g.conv(x, blk + "/conv0", t(blk + "/conv0/filters", {3, 3, cin, c}),
                                   &t(blk + "/conv0/bias", {c}), 2, Pad::Same)
                          : sep(x, 0, cin, 2));
        const DnnGraph::Pin out2 = sep(out1, 1, c, 1);
        const DnnGraph::Pin out3 = sep(g.relu(g.add(out1, out2)), 2, c, 1);
        const DnnGraph::Pin sum3 = g.add(out1, g.add(out2, out3));
        const DnnGraph::Pin out4 = sep(g.relu(sum3), 3, c, 1);
        x = g.relu(g.add(sum3, out4));
        cin = c;
    }
    x = g.avgPool(x, 7, 2);
    n->m_out = g.dense(x, "fc", t("fc/weights", {256, 136}), &t("fc/bias", {136}));
    if (t.failure())
        return unexpected(*t.failure());
    return n;
}

Landmarks LandmarkNet::landmarks(const cv::Mat& bgr, const Detection& detection, IntBox* cropOut) {
    const IntBox crop = clipToImage(detection.box, bgr.cols, bgr.rows);
    if (cropOut)
        *cropOut = crop;
    Landmarks pts{};
    if (crop.empty())
        return pts;
    const cv::Mat out =
        forward(m_graph, m_out,
                netInput(bgr, cv::Rect(crop.x, crop.y, crop.width, crop.height), 112, true, kFaceMean));
    // FaceLandmark68NetBase.postProcess: undo the centred padding in the 112-pixel frame, then
    // scale to the crop and shift by the (unclipped) detection box, as face-api does.
    const double scale = 112.0 / std::max(crop.width, crop.height);
    const double w = crop.width * scale, h = crop.height * scale;
    const double padX = w < h ? std::abs(w - h) / 2 : 0, padY = h < w ? std::abs(w - h) / 2 : 0;
    const float* o = out.ptr<float>();
    for (size_t i = 0; i < 68; ++i) {
        const double rx = (double(float(o[2 * i] * 112.f)) - padX) / w;
        const double ry = (double(float(o[2 * i + 1] * 112.f)) - padY) / h;
        pts[i] = PointD{rx * crop.width + detection.box.x, ry * crop.height + detection.box.y};
    }
    return pts;
}

// ---- descriptor --------------------------------------------------------------------------------

Expected<std::unique_ptr<DescriptorNet>, ModelFailure> DescriptorNet::create(const FaceWeights& weights) {
    std::unique_ptr<DescriptorNet> n(new DescriptorNet());
    Tensors t(weights);
    DnnGraph& g = n->m_graph;
    // convLayer.ts: conv + bias, then the scale layer (folded), then relu where asked.
    auto layer = [&](DnnGraph::Pin in, const std::string& p, int k, int cin, int cout, int stride, Pad pad,
                     bool relu) {
        const DnnGraph::Pin c =
            g.conv(in, p, t(p + "/conv/filters", {k, k, cin, cout}), &t(p + "/conv/bias", {cout}), stride,
                   pad, &t(p + "/scale/weights", {cout}), &t(p + "/scale/biases", {cout}));
        return relu ? g.relu(c) : c;
    };
    auto residual = [&](DnnGraph::Pin in, const std::string& p, int c) {
        DnnGraph::Pin out = layer(in, p + "/conv1", 3, c, c, 1, Pad::Same, true);
        out = layer(out, p + "/conv2", 3, c, c, 1, Pad::Same, false);
        return g.relu(g.add(out, in));
    };
    // residualLayer.ts residualDown: the shortcut is a 2×2 average with zero channels appended;
    // when the sizes differ the convolution's output gets a zero row and column (bottom, right).
    auto residualDown = [&](DnnGraph::Pin in, const std::string& p, int cin, int cout) {
        DnnGraph::Pin out = layer(in, p + "/conv1", 3, cin, cout, 2, Pad::Valid, true);
        out = layer(out, p + "/conv2", 3, cout, cout, 1, Pad::Same, false);
        DnnGraph::Pin pooled = g.avgPool(in, 2, 2);
        if (pooled.h != out.h || pooled.w != out.w)
            out = g.zeroPad(out, 0, 1, 0, 1);
        if (pooled.c != out.c)
            pooled = g.zeroChannels(pooled, out.c);
        return g.relu(g.add(pooled, out));
    };
    DnnGraph::Pin x = layer(g.input(), "conv32_down", 7, 3, 32, 2, Pad::Valid, true);
    x = g.maxPool(x, 3, 2, Pad::Valid);
    for (int i = 1; i <= 3; ++i)
        x = residual(x, "conv32_" + std::to_string(i), 32);
    x = residualDown(x, "conv64_down", 32, 64);
    for (int i = 1; i <= 3; ++i)
        x = residual(x, "conv64_" + std::to_string(i), 64);
    x = residualDown(x, "conv128_down", 64, 128);
    for (int i = 1; i <= 2; ++i)
        x = residual(x, "conv128_" + std::to_string(i), 128);
    x = residualDown(x, "conv256_down", 128, 256);
    for (int i = 1; i <= 2; ++i)
        x = residual(x, "conv256_" + std::to_string(i), 256);
    x = residualDown(x, "conv256_down_out", 256, 256);
    x = g.globalMean(x);
    n->m_out = g.dense(x, "fc", t("fc", {256, 128}), nullptr);
    if (t.failure())
        return unexpected(*t.failure());
    return n;
}

Descriptor DescriptorNet::describe(const cv::Mat& bgr, const Landmarks& landmarks,
                                   const IntBox& landmarkCrop) {
    const IntBox aligned = descriptorCrop(landmarks, landmarkCrop.width, landmarkCrop.height);
    const IntBox crop =
        clipToImage(BoxD{double(aligned.x), double(aligned.y), double(aligned.width), double(aligned.height)},
                    bgr.cols, bgr.rows);
    Descriptor d{};
    if (crop.empty())
        return d;
    const cv::Mat out =
        forward(m_graph, m_out,
                netInput(bgr, cv::Rect(crop.x, crop.y, crop.width, crop.height), 150, true, kFaceMean));
    std::copy_n(out.ptr<float>(), 128, d.begin());
    return d;
}

double descriptorDistance(const Descriptor& a, const Descriptor& b) {
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += double(a[i] - b[i]) * double(a[i] - b[i]);
    return std::sqrt(sum);
}

} // namespace lz::face
