#pragma once

#include "graph/ModelGraph.h"
#include "io/HostTensor.h"
#include "tiling/TileGeometry.h"

#include <QMap>

namespace d3::test {

/// A slow, obviously correct reference executor for small graphs, independent of LibTorch: integer-valued
/// deterministic weights and plain loops, so the whole network and a tile of it can be compared bit for bit.
/// Supports the spatially local ops (conv2d with groups and dilation, batchnorm2d, relu, relu6, leaky_relu,
/// maxpool2d, avgpool2d, lrn, dropout, add, concat).
class NaiveRunner
{
public:
    explicit NaiveRunner(const core::ModelGraph &graph) : m_graph(graph) {}

    /// A deterministic integer-valued [C, H, W] tensor (values in -4..4).
    static core::HostTensor pattern(const core::TensorShape &shape, int seed);

    /// Runs layers [0, end) on input; returns every tensor (id -> tensor), the input included.
    QMap<int, core::HostTensor> runWhole(const core::HostTensor &input, int end) const;

    /// Runs one tile alone from the crops of the stack inputs (tensor id -> crop at tile.regions), exactly as
    /// an edge node would: each step reads step.in from what the tile holds, adds the step's border padding and
    /// runs the layer without padding. Every inconsistency of the geometry (a read outside what the tile holds,
    /// a window outside the padded crop, a wrong output size) is an ADD_FAILURE. When whole is given, every step's
    /// output is also compared with the whole run at step.out. Returns the tile's stack output.
    core::HostTensor runTile(const core::Tile &tile, const QMap<int, core::HostTensor> &crops,
                             const QMap<int, core::HostTensor> *whole = nullptr) const;

private:
    struct Pads {
        int top = 0, bottom = 0, left = 0, right = 0;
    };
    /// One layer on its inputs with explicit padding and output size; strict: a read past the padding fails.
    core::HostTensor forward(const core::Layer &layer, const QVector<core::HostTensor> &ins, const Pads &pads,
                             qint64 outH, qint64 outW, bool strict) const;
    core::HostTensor window(const core::Layer &layer, const core::HostTensor &in, const Pads &pads, qint64 outH,
                            qint64 outW, bool strict) const;

    core::ModelGraph m_graph;
};

} // namespace d3::test
