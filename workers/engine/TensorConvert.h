#pragma once

#include "io/HostTensor.h"

#include <torch/torch.h>

namespace d3::engine {

/// Copies between host tensors (batch dimension implied) and torch tensors (batch of one first).
class TensorConvert
{
public:
    /// A new [1, ...shape] float tensor holding a copy of t's values.
    static at::Tensor toTorch(const core::HostTensor &t);
    /// The values of a [1, ...] tensor, batch dimension dropped.
    static core::HostTensor fromTorch(const at::Tensor &t);
};

} // namespace d3::engine
