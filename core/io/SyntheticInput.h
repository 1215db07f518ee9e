#pragma once

#include "HostTensor.h"
#include "graph/TensorShape.h"

namespace d3::core {

/// Deterministic test inputs: the same seed gives the same tensor on every machine.
class SyntheticInput
{
public:
    /// A tensor of the given shape with values uniform in [-1, 1), from seed.
    static HostTensor make(const TensorShape &shape, quint64 seed);
};

} // namespace d3::core
