#pragma once

#include <QVector>

namespace d3::core {

/// A (height, width) pair of a 2-D attribute.
struct Pair2 {
    int h = 0; ///< along rows
    int w = 0; ///< along columns
    bool operator==(const Pair2 &o) const { return h == o.h && w == o.w; }
};

/// Typed attributes of a layer; each op reads the ones that apply (docs/MODEL_FORMAT.md).
struct LayerAttributes {
    int outChannels = 0;          ///< conv2d
    Pair2 kernel{1, 1};           ///< conv2d, maxpool2d, avgpool2d
    Pair2 stride{1, 1};           ///< conv2d, maxpool2d, avgpool2d
    Pair2 padding{0, 0};          ///< conv2d, maxpool2d, avgpool2d (zero, or -inf for maxpool)
    Pair2 dilation{1, 1};         ///< conv2d, maxpool2d
    int groups = 1;               ///< conv2d
    bool bias = true;             ///< conv2d, linear
    bool ceilMode = false;        ///< maxpool2d, avgpool2d
    bool countIncludePad = true;  ///< avgpool2d
    Pair2 outputSize{1, 1};       ///< adaptive_avgpool2d
    double eps = 1e-5;            ///< batchnorm2d
    double negativeSlope = 0.01;  ///< leaky_relu
    int lrnSize = 5;              ///< lrn: channels in the window
    double lrnAlpha = 1e-4;       ///< lrn
    double lrnBeta = 0.75;        ///< lrn
    double lrnK = 1.0;            ///< lrn
    int outFeatures = 0;          ///< linear
    int dim = 0;                  ///< concat, softmax, slice, select (0 = the first dimension after the batch)
    qint64 start = 0;             ///< slice
    qint64 end = 0;               ///< slice (exclusive)
    qint64 step = 1;              ///< slice
    qint64 index = 0;             ///< select
    QVector<int> dims;            ///< mean (reduced), permute (the new order)
    bool keepDim = false;         ///< mean
    QVector<qint64> shape;        ///< reshape (output), layer_norm (normalized_shape), parameter (its shape)
    bool elementwiseAffine = true; ///< layer_norm
    bool geluTanh = false;        ///< gelu: approximate "tanh" instead of the exact erf form
    bool hasScalar = false;       ///< add, sub, mul, div: one tensor input and `scalar`
    double scalar = 0.0;          ///< add, sub, mul, div
    bool reverse = false;         ///< sub, div: scalar - x, scalar / x
    int embedDim = 0;             ///< multihead_attention
    int numHeads = 0;             ///< multihead_attention
    bool batchDim = false;        ///< parameter: stored with PyTorch's batch dimension of 1 in front
};

} // namespace d3::core
