#pragma once

#include "AnalysisFailure.h"
#include "Layer.h"

#include <QString>
#include <QVector>

namespace d3::core {

/// Derives a layer's output shape, state_dict tensors, parameter count, FLOPs and bytes from its op,
/// attributes and input shapes. Pure; one call per layer.
class LayerAnalyzer
{
public:
    /// Fills layer->shape, tensors, params, flops and bytes. On a rule violation returns false and sets
    /// *field (the attribute or "inputs") and *message.
    static bool analyze(Layer *layer, const QVector<TensorShape> &inputShapes, QString *field, QString *message);

    /// Output size of a sliding window along one axis (PyTorch's rule, ceil_mode included); < 1 means too small.
    static qint64 windowOutput(qint64 in, int kernel, int stride, int padding, int dilation, bool ceilMode);

private:
    /// The ops of one input that own tensors or windows (conv2d, norms, pools, linear, attention, activations).
    static bool analyzeOne(Layer *layer, const QVector<TensorShape> &inputs, const AnalysisFailure &c);
};

} // namespace d3::core
