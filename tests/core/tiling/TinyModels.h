#pragma once

#include "graph/ModelGraph.h"

#include <QString>

namespace d3::test {

/// Small hand-written model graphs for the tiling tests, each built to exercise one part of the geometry.
class TinyModels
{
public:
    /// Parses a model from its input shape ("[2, 24, 24]") and layers (JSON with ' for "); fails the calling test
    /// (ADD_FAILURE) and returns an empty graph if the model is refused.
    static core::ModelGraph parse(const QString &name, const QString &inputShape, const QString &layers);

    /// [2, 24, 24] -> three 3x3 convs (padding 1) with relus between: receptive field grows by 3 on each side.
    static core::ModelGraph chain3x3();
    /// [1, 17, 23] -> one 3x3 conv: an output of 17 x 23 for uneven slices.
    static core::ModelGraph uneven();
    /// [2, 64, 66]: stride 2, dilation 2, avgpool 2x2, an asymmetric [3, 1] kernel, maxpool 3/2 with ceil_mode
    /// whose last window passes the border; output [3, 8, 8].
    static core::ModelGraph strided();
    /// GoogLeNet's stem pooling: [1, 112, 112] -> maxpool 3/2 ceil_mode -> [1, 56, 56] -> 3x3 conv.
    static core::ModelGraph stem();
    /// A residual block: stem conv, branch conv-bn-relu-conv, add with the stem (the skip), relu; then a
    /// downsampling block (3x3 stride 2 branch, 1x1 stride 2 skip). [2, 16, 16] -> [4, 8, 8].
    static core::ModelGraph residual();
    /// An inception block: stem conv, then 1x1 | 1x1-3x3 | 1x1-5x5 | maxpool 3/1 (ceil) -1x1, concatenated.
    /// [2, 20, 20] -> [8, 20, 20].
    static core::ModelGraph inception();
    /// Only pointwise layers (1x1 convs, batch norm, relu, lrn): tiles need no halo.
    static core::ModelGraph pointwise();
    /// [1, 4, 4] -> a 1x1 conv with padding 2 -> [2, 8, 8]: the outer two rows and columns of its output are
    /// computed from padding alone.
    static core::ModelGraph padOnly();
    /// conv, relu, maxpool, adaptive avgpool, flatten, linear, relu, dropout, linear: a classifier head.
    static core::ModelGraph classifier();
    /// conv, relu, avgpool 3/1 with padding 1 (not tileable), conv.
    static core::ModelGraph paddedAvgPool();
    /// conv, avgpool 2/2 with ceil_mode (not tileable), conv.
    static core::ModelGraph ceilAvgPool();
};

} // namespace d3::test
