#pragma once
// Builds a TF.js face network layer by layer on OpenCV's dnn module (whose optimised kernels run
// it), with TensorFlow's semantics where they differ from OpenCV's: "same" padding that is
// asymmetric (OpenCV's convolution only pads symmetrically, so a Padding layer goes in front),
// HWIO filters (transposed to OpenCV's OIHW), a scale layer folded into the convolution before it.
// Tracks each layer's shape so the padding can be computed when the layer is added.
#include "face/FaceWeights.h"

#include <opencv2/dnn.hpp>
#include <string>
#include <vector>

namespace lz::face {

enum class Pad { Same, Valid };

class DnnGraph {
public:
    struct Pin {
        int layer = 0;
        int c = 0, h = 0, w = 0;
    };

    DnnGraph(int channels, int height, int width);

    Pin input() const { return m_input; }
    // A regular convolution (filters [k, k, cin, cout]) with its bias; `scale`/`shift` (per output
    // channel) fold an affine layer that follows it into the weights.
    Pin conv(Pin x, const std::string& name, const WeightTensor& filters, const WeightTensor* bias,
             int stride, Pad pad, const WeightTensor* scale = nullptr, const WeightTensor* shift = nullptr);
    // TF's separableConv2d: depthwise [k, k, c, 1] with stride and padding, then pointwise [1, 1, c, cout] +
    // bias.
    Pin separable(Pin x, const std::string& name, const WeightTensor& depthwise,
                  const WeightTensor& pointwise, const WeightTensor& bias, int stride, Pad pad);
    Pin relu(Pin x, float negativeSlope = 0.f);
    Pin add(Pin a, Pin b);
    Pin maxPool(Pin x, int kernel, int stride, Pad pad);
    Pin avgPool(Pin x, int kernel, int stride); // "valid"
    Pin zeroPad(Pin x, int top, int bottom, int left, int right);
    Pin zeroChannels(Pin x, int channels); // x's channels followed by zeros up to `channels`
    Pin globalMean(Pin x);
    Pin dense(Pin x, const std::string& name, const WeightTensor& weights,
              const WeightTensor* bias); // [in, out]

    // Runs the network on a 1×C×H×W blob and returns the output of `out`.
    cv::Mat run(const cv::Mat& blob, const Pin& out);

private:
    void remember(int id, const std::string& name);
    Pin addLayer(const std::string& name, const std::string& type, cv::dnn::LayerParams& p, Pin from, int c,
                 int h, int w);
    Pin addLayer2(const std::string& name, const std::string& type, cv::dnn::LayerParams& p, Pin a, Pin b);
    Pin convolution(Pin x, const std::string& name, const cv::Mat& oihw, const cv::Mat& bias, int groups,
                    int k, int stride, Pad pad);

    cv::dnn::Net m_net;
    std::vector<std::string> m_names; // by layer id (0: the input)
    Pin m_input;
    int m_serial = 0;
};

// The output size and TF's padding before/after for one axis.
struct AxisPadding {
    int out, before, after;
};
AxisPadding tfPadding(int in, int kernel, int stride, Pad pad);

} // namespace lz::face
