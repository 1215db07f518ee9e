#pragma once

#include "TensorShape.h"

#include <QString>

namespace d3::core {

/// One entry of a layer's state_dict: a learned parameter or a buffer.
struct ParamTensor {
    QString key;          ///< full state_dict key, e.g. "layer1.0.bn1.running_mean"
    QString suffix;       ///< the part after the layer name, e.g. "running_mean"
    TensorShape shape;    ///< its shape ([] for a scalar)
    bool learned = true;  ///< false for buffers (running statistics), which parameter counts exclude
    bool integer = false; ///< true for int64 buffers (num_batches_tracked)
};

} // namespace d3::core
