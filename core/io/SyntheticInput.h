#pragma once

#include "HostTensor.h"
#include "graph/TensorShape.h"

namespace d3::core {

/// Deterministic test inputs: the same seed gives the same tensor on every machine. They are 8-bit images
/// (ImageBytes: 256 levels in [-1, 1)), so the raw input travels as bytes, as a camera frame would.
class SyntheticInput
{
public:
    /// A tensor of the given shape with values uniform over the 256 levels (k - 128) / 128, from seed.
    static HostTensor make(const TensorShape &shape, quint64 seed);
};

} // namespace d3::core
