#pragma once

#include "AnalysisFailure.h"
#include "Layer.h"

#include <QVector>

namespace d3::core {

/// Output shapes of the ops that move or reduce elements without learned tensors (docs/MODEL_FORMAT.md, Ops):
/// reshape, permute, slice, select, concat, mean, softmax, flatten, and of broadcasting arithmetic (add, sub, mul,
/// div) and matmul. Part of LayerAnalyzer; sets shape, flops and broadcasts.
class ShapeOpAnalyzer
{
public:
    /// True if it handles the layer's op.
    static bool handles(OpKind op);
    /// Derives layer->shape, flops and broadcasts; false with the failure recorded in c.
    static bool analyze(Layer *layer, const QVector<TensorShape> &inputs, const AnalysisFailure &c);
    /// NumPy's broadcast of two shapes (aligned at the last dimension); false if they do not broadcast.
    static bool broadcast(const TensorShape &a, const TensorShape &b, TensorShape *out);
};

} // namespace d3::core
