#pragma once

#include <QtGlobal>

namespace d3::engine {

class TorchModel;

/// Fills every weight of a model deterministically from a seed, independent of LibTorch's RNG and of the
/// thread count: each tensor's values come from a counter-based generator keyed by (seed, state_dict key), so
/// every node builds bit-identical weights. Convolutions and linear layers get a Kaiming-uniform spread (so
/// activations neither vanish nor explode in deep models), batch norms near-identity statistics.
class SeededWeights
{
public:
    /// Overwrites all parameters and buffers of model.
    static void fill(const TorchModel &model, quint64 seed);
};

} // namespace d3::engine
