#pragma once
// The three networks of @vladmandic/face-api 1.7.15 rebuilt on OpenCV's dnn: the tiny face
// detector (a Tiny-YOLOv2 with separable convolutions), the 68-point landmark net and the 128-d
// descriptor net (dlib's ResNet face recogniser). Each mirrors one file of face-api's src/ (named
// below) so that the parity fixtures of tests/devices/facenet hold. Not thread-safe: one thread
// owns an instance (cv::dnn::Net keeps per-run buffers).
#include "face/FaceGeometry.h"
#include "face/FaceWeights.h"
#include "facenet/DnnGraph.h"

#include <array>
#include <memory>
#include <vector>

namespace lz::face {

struct Detection {
    BoxD box; // image pixels, not clipped (as face-api returns it)
    double score = 0;
};

using Descriptor = std::array<float, 128>;

// src/tinyFaceDetector + src/tinyYolov2: 416×416 input (a multiple of 32), 13×13 cells × 5 anchors.
class TinyFaceDetector {
public:
    static Expected<std::unique_ptr<TinyFaceDetector>, ModelFailure> create(const FaceWeights& weights,
                                                                            int inputSize = 416);
    std::vector<Detection> detect(const cv::Mat& bgr, double scoreThreshold = 0.5);

private:
    TinyFaceDetector(int inputSize)
        : m_graph(3, inputSize, inputSize)
        , m_inputSize(inputSize) {}
    DnnGraph m_graph;
    int m_inputSize;
    DnnGraph::Pin m_out;
};

// src/faceLandmarkNet/FaceLandmark68Net: 112×112, four dense blocks, 136 outputs.
class LandmarkNet {
public:
    static Expected<std::unique_ptr<LandmarkNet>, ModelFailure> create(const FaceWeights& weights);
    // The landmarks of the face in `detection`, in image pixels; also the crop they were read
    // from (the descriptor's alignment is bounded by its size).
    Landmarks landmarks(const cv::Mat& bgr, const Detection& detection, IntBox* crop = nullptr);

private:
    LandmarkNet()
        : m_graph(3, 112, 112) {}
    DnnGraph m_graph;
    DnnGraph::Pin m_out;
};

// src/faceRecognitionNet/FaceRecognitionNet: 150×150, ResNet-29, 128 outputs (not normalised).
class DescriptorNet {
public:
    static Expected<std::unique_ptr<DescriptorNet>, ModelFailure> create(const FaceWeights& weights);
    // The descriptor of the face whose landmarks (from `crop`) are given.
    Descriptor describe(const cv::Mat& bgr, const Landmarks& landmarks, const IntBox& landmarkCrop);

private:
    DescriptorNet()
        : m_graph(3, 150, 150) {}
    DnnGraph m_graph;
    DnnGraph::Pin m_out;
};

double descriptorDistance(const Descriptor& a, const Descriptor& b); // Euclidean, as face-api's FaceMatcher

} // namespace lz::face
