#pragma once

#include "graph/ModelGraph.h"

#include <QString>
#include <QVector>

namespace d3::ui {

/// The topology half of the layer graph's layout: the lane (row of boxes within a band) of every layer and edge,
/// and the blocks between forks and joins. Every pending edge (a tensor on its way to one consumer) holds a lane:
/// the first consumer continues in its producer's lane, a further consumer that is a join (a layer with several
/// inputs: add, concat) rides a shared bypass lane, and any other further consumer gets a lane of its own. A layer
/// takes the lowest lane of its incoming edges that nothing else still runs in. Parallel branches (inception
/// branches, downsample paths) thus run in separate lanes, shortcuts and dense connections share one bypass lane,
/// and no edge runs through a box. Linear in layers and edges; no geometry.
class LayerLanes
{
public:
    /// One producer -> consumer connection.
    struct Edge {
        int tensor = 0; ///< tensor id (0 = model input, i + 1 = output of layer i)
        int to = 0;     ///< consuming layer
        int lane = 0;   ///< the lane the edge runs in between its endpoints
    };

    /// A run of layers between a fork and its join (an inception module, a residual or dense block).
    struct Block {
        QString name;   ///< the common dotted prefix of its layer names ("inception3a", "layer2.0"); may be empty
        int first = 0;  ///< first layer
        int last = 0;   ///< last layer (the join), inclusive
        int lanes = 0;  ///< distinct lanes its layers occupy
        int top = 0;    ///< the lowest lane its layers and inner edges use
        int bottom = 0; ///< the highest
    };

    /// No layers.
    LayerLanes() = default;
    /// Assigns the lanes of graph.
    explicit LayerLanes(const core::ModelGraph &graph);

    /// Number of layers n.
    int layerCount() const { return int(m_lanes.size()); }
    /// Number of lanes used (at least 1 when there are layers).
    int laneCount() const { return m_laneCount; }
    /// The lane of layer i (0 is the top lane).
    int lane(int layer) const { return m_lanes.at(layer); }
    /// Every edge, in the order their producers appear.
    const QVector<Edge> &edges() const { return m_edges; }
    /// Every block, in topological order.
    const QVector<Block> &blocks() const { return m_blocks; }

private:
    /// Fills m_blocks: a block starts at a layer reached through several busy lanes and ends at the next layer
    /// after which no lane is busy (the join).
    void findBlocks(const core::ModelGraph &graph, const QVector<QVector<int>> &incoming,
                    const QVector<int> &openBefore, const QVector<bool> &joins);

    QVector<int> m_lanes;
    QVector<Edge> m_edges;
    QVector<Block> m_blocks;
    int m_laneCount = 0;
};

} // namespace d3::ui
