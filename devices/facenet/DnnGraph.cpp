#include "facenet/DnnGraph.h"

#include <algorithm>

namespace lz::face {

using cv::dnn::DictValue;
using cv::dnn::LayerParams;

AxisPadding tfPadding(int in, int kernel, int stride, Pad pad) {
    if (pad == Pad::Valid)
        return {(in - kernel) / stride + 1, 0, 0};
    const int out = (in + stride - 1) / stride;
    const int total = std::max(0, (out - 1) * stride + kernel - in);
    return {out, total / 2, total - total / 2}; // TF puts the odd pixel after
}

DnnGraph::DnnGraph(int channels, int height, int width)
    : m_input{0, channels, height, width} {}

void DnnGraph::remember(int id, const std::string& name) {
    if (m_names.size() <= size_t(id))
        m_names.resize(size_t(id) + 1);
    m_names[size_t(id)] = name;
}

cv::Mat DnnGraph::run(const cv::Mat& blob, const Pin& out) {
    m_net.setInput(blob);
    return m_net.forward(m_names.at(size_t(out.layer)));
}

DnnGraph::Pin DnnGraph::addLayer(const std::string& name, const std::string& type, LayerParams& p, Pin from,
                                 int c, int h, int w) {
    p.name = name + "#" + std::to_string(m_serial++);
    p.type = type;
    const int id = m_net.addLayer(p.name, type, p);
    m_net.connect(from.layer, 0, id, 0);
    remember(id, p.name);
    return Pin{id, c, h, w};
}

DnnGraph::Pin DnnGraph::addLayer2(const std::string& name, const std::string& type, LayerParams& p, Pin a,
                                  Pin b) {
    p.name = name + "#" + std::to_string(m_serial++);
    p.type = type;
    const int id = m_net.addLayer(p.name, type, p);
    remember(id, p.name);
    m_net.connect(a.layer, 0, id, 0);
    m_net.connect(b.layer, 0, id, 1);
    return Pin{id, a.c, a.h, a.w};
}

DnnGraph::Pin DnnGraph::convolution(Pin x, const std::string& name, const cv::Mat& oihw, const cv::Mat& bias,
                                    int groups, int k, int stride, Pad pad) {
    const AxisPadding py = tfPadding(x.h, k, stride, pad), px = tfPadding(x.w, k, stride, pad);
    LayerParams p;
    if (py.before != py.after || px.before != px.after) {
        x = zeroPad(x, py.before, py.after, px.before, px.after);
    } else {
        p.set("pad_h", py.before);
        p.set("pad_w", px.before);
    }
    p.set("kernel_h", k);
    p.set("kernel_w", k);
    p.set("stride_h", stride);
    p.set("stride_w", stride);
    p.set("num_output", oihw.size[0]);
    p.set("group", groups);
    p.set("bias_term", true);
    p.blobs = {oihw, bias};
    return addLayer(name, "Convolution", p, x, oihw.size[0], py.out, px.out);
}

DnnGraph::Pin DnnGraph::conv(Pin x, const std::string& name, const WeightTensor& filters,
                             const WeightTensor* bias, int stride, Pad pad, const WeightTensor* scale,
                             const WeightTensor* shift) {
    const int k = filters.shape[0], cin = filters.shape[2], cout = filters.shape[3];
    const int sz[] = {cout, cin, k, k};
    cv::Mat w(4, sz, CV_32F);
    cv::Mat b(1, cout, CV_32F);
    for (int o = 0; o < cout; ++o) {
        const float s = scale ? scale->values[o] : 1.f;
        b.at<float>(o) = (bias ? bias->values[o] : 0.f) * s + (shift ? shift->values[o] : 0.f);
        for (int i = 0; i < cin; ++i)
            for (int y = 0; y < k; ++y)
                for (int xk = 0; xk < k; ++xk)
                    w.ptr<float>()[((o * cin + i) * k + y) * k + xk] =
                        filters.values[((y * k + xk) * cin + i) * cout + o] * s;
    }
    return convolution(x, name, w, b, 1, k, stride, pad);
}

DnnGraph::Pin DnnGraph::separable(Pin x, const std::string& name, const WeightTensor& depthwise,
                                  const WeightTensor& pointwise, const WeightTensor& bias, int stride,
                                  Pad pad) {
    const int k = depthwise.shape[0], c = depthwise.shape[2];
    const int sz[] = {c, 1, k, k};
    cv::Mat dw(4, sz, CV_32F);
    for (int ch = 0; ch < c; ++ch)
        for (int y = 0; y < k; ++y)
            for (int xk = 0; xk < k; ++xk)
                dw.ptr<float>()[(ch * k + y) * k + xk] = depthwise.values[(y * k + xk) * c + ch];
    const Pin d = convolution(x, name + "/depthwise", dw, cv::Mat::zeros(1, c, CV_32F), c, k, stride, pad);
    return conv(d, name + "/pointwise", pointwise, &bias, 1, Pad::Valid);
}

DnnGraph::Pin DnnGraph::relu(Pin x, float negativeSlope) {
    LayerParams p;
    if (negativeSlope != 0.f)
        p.set("negative_slope", negativeSlope);
    return addLayer("relu", "ReLU", p, x, x.c, x.h, x.w);
}

DnnGraph::Pin DnnGraph::add(Pin a, Pin b) {
    LayerParams p;
    p.set("operation", "sum");
    return addLayer2("add", "Eltwise", p, a, b);
}

DnnGraph::Pin DnnGraph::maxPool(Pin x, int kernel, int stride, Pad pad) {
    const AxisPadding py = tfPadding(x.h, kernel, stride, pad), px = tfPadding(x.w, kernel, stride, pad);
    LayerParams p;
    p.set("pool", "max");
    p.set("ceil_mode", false); // TF's output sizes (OpenCV defaults to Caffe's ceiling)
    p.set("kernel_h", kernel);
    p.set("kernel_w", kernel);
    p.set("stride_h", stride);
    p.set("stride_w", stride);
    // OpenCV's pooling takes asymmetric pads and, like TF, ignores padded cells for the maximum.
    p.set("pad_t", py.before);
    p.set("pad_b", py.after);
    p.set("pad_l", px.before);
    p.set("pad_r", px.after);
    return addLayer("maxpool", "Pooling", p, x, x.c, py.out, px.out);
}

DnnGraph::Pin DnnGraph::avgPool(Pin x, int kernel, int stride) {
    const AxisPadding py = tfPadding(x.h, kernel, stride, Pad::Valid),
                      px = tfPadding(x.w, kernel, stride, Pad::Valid);
    LayerParams p;
    p.set("pool", "ave");
    p.set("ceil_mode", false);
    p.set("kernel_h", kernel);
    p.set("kernel_w", kernel);
    p.set("stride_h", stride);
    p.set("stride_w", stride);
    return addLayer("avgpool", "Pooling", p, x, x.c, py.out, px.out);
}

DnnGraph::Pin DnnGraph::zeroPad(Pin x, int top, int bottom, int left, int right) {
    LayerParams p;
    const int pads[] = {0, 0, 0, 0, top, bottom, left, right};
    p.set("paddings", DictValue::arrayInt(pads, 8));
    p.set("value", 0.f);
    return addLayer("pad", "Padding", p, x, x.c, x.h + top + bottom, x.w + left + right);
}

DnnGraph::Pin DnnGraph::zeroChannels(Pin x, int channels) {
    // A 1×1 convolution with an identity block and zero rows: exact, and one kernel OpenCV has.
    const int sz[] = {channels, x.c, 1, 1};
    cv::Mat w(4, sz, CV_32F, cv::Scalar(0));
    for (int i = 0; i < x.c; ++i)
        w.ptr<float>()[i * x.c + i] = 1.f;
    return convolution(x, "zerochannels", w, cv::Mat::zeros(1, channels, CV_32F), 1, 1, 1, Pad::Valid);
}

DnnGraph::Pin DnnGraph::globalMean(Pin x) {
    LayerParams p;
    p.set("pool", "ave");
    p.set("global_pooling", true);
    return addLayer("mean", "Pooling", p, x, x.c, 1, 1);
}

DnnGraph::Pin DnnGraph::dense(Pin x, const std::string& name, const WeightTensor& weights,
                              const WeightTensor* bias) {
    const int in = weights.shape[0], out = weights.shape[1];
    cv::Mat w(out, in, CV_32F);
    for (int o = 0; o < out; ++o)
        for (int i = 0; i < in; ++i)
            w.at<float>(o, i) = weights.values[i * out + o];
    LayerParams p;
    p.set("num_output", out);
    p.set("bias_term", bias != nullptr);
    p.blobs = {w};
    if (bias)
        p.blobs.push_back(cv::Mat(1, out, CV_32F, const_cast<float*>(bias->values.data())).clone());
    return addLayer(name, "InnerProduct", p, x, out, 1, 1);
}

} // namespace lz::face
