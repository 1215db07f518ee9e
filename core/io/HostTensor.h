#pragma once

#include "FloatStorage.h"

#include <QVector>

namespace d3::core {

/// A dense float32 tensor in host memory, C order, for a batch of one: the currency between the engine,
/// the wire and files. Torch-free, so core and ui can hold tensors.
struct HostTensor {
    QVector<qint64> shape;     ///< dimensions, outermost first
    FloatStorage values;       ///< elements in C order; size() equals the product of shape. Copies share them
                               ///< until one is changed; a received tensor may share its frame's payload

    /// Product of the dimensions.
    qint64 elements() const
    {
        qint64 n = 1;
        for (qint64 d : shape)
            n *= d;
        return n;
    }
    /// Size of the payload in bytes.
    qint64 bytes() const { return qint64(values.size() * sizeof(float)); }
};

} // namespace d3::core
