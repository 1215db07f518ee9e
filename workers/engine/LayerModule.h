#pragma once

#include "graph/Layer.h"
#include "tiling/TileGeometry.h"

#include <torch/torch.h>

#include <vector>

namespace d3::engine {

/// One layer of a model as a torch module: its parameters and buffers registered under the state_dict suffixes
/// ("weight", "running_mean", ...) and a forward that calls the same ATen operator PyTorch's module calls, so
/// results are bit-identical to torchvision's on the same thread count.
class LayerModule : public torch::nn::Module
{
public:
    /// Allocates (uninitialised) every tensor the layer declares.
    explicit LayerModule(const core::Layer &layer);

    /// Computes the layer's output from its inputs (batch of one, in the order of layer.inputs).
    at::Tensor forward(const std::vector<at::Tensor> &inputs) const;

    /// Computes one tile step: inputs are the regions step.in of each input (batch of one); window ops pad only
    /// by the step's true-border padding (zeros, or -inf for max pooling) and then run unpadded, so the result is
    /// the step.out region of the monolithic output.
    at::Tensor forwardTile(const std::vector<at::Tensor> &inputs, const core::TileStep &step) const;

    /// The layer description it was built from.
    const core::Layer &layer() const { return m_layer; }
    /// Its tensors by state_dict suffix, in the order the layer declares them.
    const std::vector<std::pair<QString, at::Tensor>> &tensors() const { return m_tensors; }

private:
    core::Layer m_layer;
    std::vector<std::pair<QString, at::Tensor>> m_tensors;
    at::Tensor m_weight, m_bias, m_mean, m_var;
};

} // namespace d3::engine
