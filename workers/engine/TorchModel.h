#pragma once

#include "LayerModule.h"
#include "graph/ModelGraph.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <vector>

namespace d3::engine {

/// The torch side of an Engine: one LayerModule per layer and the range interpreter over torch tensors.
/// Internal to workers/ (benchmarks and tests that link LibTorch use it directly).
class TorchModel
{
public:
    /// Builds one module per layer; weights are allocated but not yet filled.
    explicit TorchModel(core::ModelGraph graph);

    /// The model.
    const core::ModelGraph &graph() const { return m_graph; }
    /// Module of layer i.
    const LayerModule &module(int i) const { return *m_modules.at(size_t(i)); }
    /// Every state_dict entry: key -> tensor (parameters and buffers), in topological order.
    std::vector<std::pair<QString, at::Tensor>> stateTensors() const;

    /// Runs layers [a, b) on live (tensor id -> tensor, holding exactly the crossing set of a, batch dim first);
    /// on return live holds exactly the crossing set of b. Tensors no longer needed are released on the way.
    /// Caller holds an InferenceMode guard. Throws c10::Error on torch failures.
    void runRange(int a, int b, std::map<int, at::Tensor> &live) const;

    /// Computes one tile of a fused stack alone. inputs maps each stack input tensor id to its tile.regions
    /// crop ([1, C, h, w]); returns the tile's region of the stack output. Caller holds an InferenceMode guard.
    /// Throws c10::Error on torch failures or a crop of the wrong size.
    at::Tensor runTile(const core::Tile &tile, const std::map<int, at::Tensor> &inputs) const;

private:
    core::ModelGraph m_graph;
    std::vector<std::shared_ptr<LayerModule>> m_modules;
    std::vector<int> m_lastUse; // per tensor: last consuming layer (n for the output)
};

} // namespace d3::engine
