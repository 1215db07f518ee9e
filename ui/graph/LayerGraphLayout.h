#pragma once

#include "graph/ModelGraph.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>

namespace d3::ui {

/// Where the layer graph panel draws a model: layer i in column i (x follows the topological order, so cut k is a
/// vertical line between columns k - 1 and k) and in a lane (y). Every pending edge (a tensor on its way to one
/// consumer) holds a lane: the first consumer continues in its producer's lane, every further consumer gets a new
/// lane, and a layer takes the lowest lane of its incoming edges. Parallel branches (inception branches, residual
/// shortcuts and downsample paths) thus run in separate lanes and no edge crosses a box. Pure geometry in scene
/// units; no widgets; cheap to copy.
class LayerGraphLayout
{
public:
    /// Box width of one layer (scene units).
    static constexpr qreal kBoxWidth = 56;
    /// Box height of one layer.
    static constexpr qreal kBoxHeight = 28;
    /// Horizontal gap between two columns (where the cut lines run).
    static constexpr qreal kColumnGap = 22;
    /// Vertical gap between two lanes.
    static constexpr qreal kLaneGap = 26;
    /// Horizontal distance between the left sides of two consecutive columns.
    static constexpr qreal kColumnPitch = kBoxWidth + kColumnGap;
    /// Vertical distance between the tops of two consecutive lanes.
    static constexpr qreal kLanePitch = kBoxHeight + kLaneGap;

    /// One producer -> consumer connection and its route.
    struct Edge {
        int tensor = 0;         ///< tensor id (0 = model input, i + 1 = output of layer i)
        int to = 0;             ///< consuming layer
        int lane = 0;           ///< the lane the edge runs in between its endpoints
        QVector<QPointF> route; ///< polyline from the producer's right side to the consumer's left side
    };

    /// A run of layers between a fork and its join (an inception module, a residual block).
    struct Block {
        QString name;     ///< the common dotted prefix of its layer names ("inception3a", "layer2.0"); may be empty
        int first = 0;    ///< first layer
        int last = 0;     ///< last layer (the join), inclusive
        int lanes = 0;    ///< distinct lanes its layers occupy
        QRectF rect;      ///< a frame around its boxes, inside its columns
    };

    /// An empty layout (no layers).
    LayerGraphLayout() = default;
    /// Lays out graph.
    explicit LayerGraphLayout(const core::ModelGraph &graph);

    /// Number of layers n.
    int layerCount() const { return int(m_lanes.size()); }
    /// Number of lanes used (at least 1 when there are layers).
    int laneCount() const { return m_laneCount; }
    /// The lane of layer i (0 is the top lane).
    int lane(int layer) const { return m_lanes.at(layer); }
    /// The box of layer i in scene coordinates.
    QRectF box(int layer) const { return boxAt(layer, m_lanes.at(layer)); }
    /// The box of the model input (column -1, lane 0).
    QRectF inputBox() const { return boxAt(-1, 0); }
    /// Every edge, in the order their producers appear.
    const QVector<Edge> &edges() const { return m_edges; }
    /// Every block, left to right.
    const QVector<Block> &blocks() const { return m_blocks; }

    /// The x of cut position k (0..n): the middle of the gap between columns k - 1 and k.
    qreal cutX(int k) const { return k * kColumnPitch - kColumnGap / 2; }
    /// The cut position nearest to scene x, clamped to 0..n.
    int nearestCut(qreal x) const;
    /// Everything drawn: the input box, every layer box, every edge and block.
    QRectF bounds() const;

private:
    /// The box of column c in lane l.
    static QRectF boxAt(int column, int lane);
    /// Fills m_blocks: a block starts at a layer reached by several pending edges and ends at the next layer
    /// that all pending edges end at (the join).
    void findBlocks(const core::ModelGraph &graph, const QVector<int> &openBefore, const QVector<bool> &joins);
    /// The route of an edge from box a (lane la) through lane e to box b (lane lb).
    static QVector<QPointF> route(const QRectF &a, int la, int e, const QRectF &b, int lb);

    QVector<int> m_lanes;
    QVector<Edge> m_edges;
    QVector<Block> m_blocks;
    int m_laneCount = 0;
};

} // namespace d3::ui
