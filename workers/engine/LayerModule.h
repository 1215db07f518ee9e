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
    /// Allocates (uninitialised) every tensor the layer declares; inputShape is the shape of its first input (batch
    /// implied), which forwardTile needs to convolve a tile the way the whole layer does.
    LayerModule(const core::Layer &layer, core::TensorShape inputShape);

    /// Computes the layer's output from its inputs (batch of one, in the order of layer.inputs).
    at::Tensor forward(const std::vector<at::Tensor> &inputs) const;

    /// Computes one tile step: inputs are the regions step.in of each input (batch of one); window ops pad only
    /// by the step's true-border padding (zeros, or -inf for max pooling) and then run unpadded, so the result is
    /// the step.out region of the monolithic output. A strided convolution may be given up to stride - 1 trailing
    /// rows and columns more than step.in (they yield no extra output). A convolution runs on the CPU backend
    /// at::conv2d picks for the whole input map (not the one it would pick for the tile), so it accumulates in
    /// the same order and its result is bit-identical to the monolithic one in most cases.
    at::Tensor forwardTile(const std::vector<at::Tensor> &inputs, const core::TileStep &step) const;

    /// The layer description it was built from.
    const core::Layer &layer() const { return m_layer; }
    /// Its tensors with their declarations (state_dict key and suffix), in the order the layer declares them.
    const std::vector<std::pair<core::ParamTensor, at::Tensor>> &tensors() const { return m_tensors; }

private:
    /// The convolution of an explicitly padded tile x (padding 0) on the backend of the whole layer.
    at::Tensor convolveTile(const at::Tensor &x) const;

    core::Layer m_layer;
    core::TensorShape m_inputShape;
    std::vector<std::pair<core::ParamTensor, at::Tensor>> m_tensors;
    at::Tensor m_weight, m_bias, m_mean, m_var; ///< weight: also a parameter's value, attention's in_proj_weight
    at::Tensor m_outWeight, m_outBias;          ///< attention's out_proj
};

} // namespace d3::engine
