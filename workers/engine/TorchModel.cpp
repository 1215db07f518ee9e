#include "TorchModel.h"

#include <algorithm>

namespace d3::engine {

TorchModel::TorchModel(core::ModelGraph graph)
    : m_graph(std::move(graph))
{
    const int n = m_graph.layerCount();
    m_modules.reserve(size_t(n));
    for (const core::Layer &l : m_graph.layers())
        m_modules.push_back(std::make_shared<LayerModule>(
            l, l.inputs.isEmpty() ? core::TensorShape{} : m_graph.tensorShape(l.inputs.first())));
    m_lastUse.resize(size_t(n + 1));
    for (int t = 0; t <= n; ++t) {
        const QVector<int> &c = m_graph.consumers(t);
        m_lastUse[size_t(t)] = t == m_graph.outputTensor() ? n : (c.isEmpty() ? t : c.last());
    }
}

std::vector<std::pair<QString, at::Tensor>> TorchModel::stateTensors() const
{
    std::vector<std::pair<QString, at::Tensor>> all;
    for (const auto &m : m_modules) {
        for (const auto &[p, t] : m->tensors())
            all.emplace_back(p.key, t);
    }
    return all;
}

void TorchModel::runRange(int a, int b, std::map<int, at::Tensor> &live) const
{
    // Tensors by id in a vector while the layers run (a map lookup and erase per input cost up to 3% of a small
    // model's forward pass, docs/BENCHMARKS.md).
    std::vector<at::Tensor> tensors(size_t(m_graph.layerCount() + 1));
    for (auto &[t, tensor] : live)
        tensors[size_t(t)] = std::move(tensor);
    live.clear();
    std::vector<at::Tensor> inputs;
    for (int i = a; i < b; ++i) {
        const LayerModule &m = *m_modules[size_t(i)];
        for (int t : m.layer().inputs)
            inputs.push_back(tensors[size_t(t)]);
        tensors[size_t(i + 1)] = m.forward(inputs);
        inputs.clear();
        // Release what no later layer reads (such a tensor cannot cross b either).
        for (int t : m.layer().inputs) {
            if (m_lastUse[size_t(t)] <= i)
                tensors[size_t(t)].reset();
        }
    }
    // Keep exactly the crossing set of b.
    for (int t = 0; t <= b; ++t) {
        if (tensors[size_t(t)].defined() && m_lastUse[size_t(t)] >= b)
            live[t] = std::move(tensors[size_t(t)]);
    }
}

at::Tensor TorchModel::runTile(const core::Tile &tile, const std::map<int, at::Tensor> &inputs) const
{
    std::map<int, at::Tensor> live; // tensor id -> its tile.regions crop
    for (const auto &[t, crop] : inputs) {
        const core::Region r = tile.regions.value(t);
        TORCH_CHECK(crop.dim() == 4 && crop.size(2) == r.height() && crop.size(3) == r.width(),
                    "tile input ", t, " must be [1, C, ", r.height(), ", ", r.width(), "]");
        live[t] = crop;
    }
    std::vector<at::Tensor> args;
    for (const core::TileStep &step : tile.steps) {
        const LayerModule &m = *m_modules[size_t(step.layer)];
        const QVector<int> &ins = m.layer().inputs;
        args.clear();
        const core::LayerAttributes &a = m.layer().attributes;
        const bool strided = m.layer().op == core::OpKind::Conv2d && (a.stride.h > 1 || a.stride.w > 1);
        for (int k = 0; k < ins.size(); ++k) {
            const core::Region have = tile.regions.value(ins[k]);
            core::Region need = step.in[k];
            if (strided) {
                // Read on to the end of the last output's stride cell where the tile holds it (fewer than stride
                // rows/columns more, so no extra output): a 1x1 stride-2 downsample alone reads 2n - 1 of 2n rows,
                // and oneDNN runs it with its 1x1 kernel (as on the whole map) only on whole stride cells.
                need.y1 = std::max(need.y1, std::min(have.y1, step.out.y1 * a.stride.h - a.padding.h));
                need.x1 = std::max(need.x1, std::min(have.x1, step.out.x1 * a.stride.w - a.padding.w));
            }
            args.push_back(live.at(ins[k])
                               .narrow(2, need.y0 - have.y0, need.height())
                               .narrow(3, need.x0 - have.x0, need.width()));
        }
        at::Tensor out = m.forwardTile(args, step);
        TORCH_CHECK(out.size(2) == step.out.height() && out.size(3) == step.out.width(), "tile step of layer '",
                    m.layer().name.toStdString(), "' yielded ", out.sizes(), " for region ", step.out.toString().toStdString());
        live[step.layer + 1] = out;
        for (int t : ins) {
            if (m_lastUse[size_t(t)] <= step.layer)
                live.erase(t);
        }
    }
    return live.at(tile.steps.last().layer + 1);
}

} // namespace d3::engine
