#pragma once

#include "LayerLanes.h"
#include "graph/ModelGraph.h"

#include <QLineF>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QVector>

namespace d3::ui {

/// Where the layer graph panel draws a model: the topological sequence of columns (the model input, then layer i in
/// column i + 1) folded into rows of columnsPerRow() columns, like a wrapped line of text, and every layer in its
/// lane (LayerLanes) within its row. Cut k is a vertical bar right of column k (between layers k - 1 and k); a cut
/// that falls on a row break is drawn at the end of its row. An edge that crosses a row break leaves its row on the
/// right and comes back at the left of the next one in the same lane. Each row is as tall as the lanes it uses (a
/// lane without boxes, carrying only edges, is thin). Pure geometry in scene units; no widgets; cheap to copy.
class LayerGraphLayout
{
public:
    /// Box width of one layer (scene units).
    static constexpr qreal kBoxWidth = 52;
    /// Box height of one layer.
    static constexpr qreal kBoxHeight = 22;
    /// Horizontal gap between two columns (where the cut bars run).
    static constexpr qreal kColumnGap = 14;
    /// Vertical gap between two lanes.
    static constexpr qreal kLaneGap = 6;
    /// Height of a lane that carries only edges in a row.
    static constexpr qreal kEdgeLaneHeight = 6;
    /// Room above a row's boxes (block names).
    static constexpr qreal kRowHead = 13;
    /// Room below a row's boxes.
    static constexpr qreal kRowFoot = 3;
    /// Gap between two rows (the handles' grips hang into it).
    static constexpr qreal kRowGap = 18;
    /// Horizontal distance between the left sides of two consecutive columns.
    static constexpr qreal kColumnPitch = kBoxWidth + kColumnGap;

    /// One producer -> consumer connection and its route.
    struct Edge {
        int tensor = 0;            ///< tensor id (0 = model input, i + 1 = output of layer i)
        int to = 0;                ///< consuming layer
        int lane = 0;              ///< the lane the edge runs in between its endpoints
        QVector<QPolygonF> pieces; ///< one polyline per row it runs through, from the producer's right side to the
                                   ///< consumer's left side
    };

    /// A run of layers between a fork and its join (an inception module, a residual block).
    struct Block {
        QString name;          ///< the common dotted prefix of its layer names ("inception3a", "layer2.0"); may be empty
        int first = 0;         ///< first layer
        int last = 0;          ///< last layer (the join), inclusive
        int lanes = 0;         ///< distinct lanes its layers occupy
        QVector<QRectF> rects; ///< a frame around its boxes in each row it spans, inside its columns
    };

    /// An empty layout (no layers).
    LayerGraphLayout() = default;
    /// Lays out graph in rows of columnsPerRow columns (0: everything in one row).
    explicit LayerGraphLayout(const core::ModelGraph &graph, int columnsPerRow = 0);
    /// The same model folded into rows of columnsPerRow columns (0: one row); no new lane assignment.
    LayerGraphLayout folded(int columnsPerRow) const;

    /// The most columns whose row fits in width scene units (at least 2).
    static int columnsForWidth(qreal width);

    /// Number of layers n.
    int layerCount() const { return m_lanes.layerCount(); }
    /// Number of lanes used (at least 1 when there are layers).
    int laneCount() const { return m_lanes.laneCount(); }
    /// The lane of layer i (0 is the top lane of its row).
    int lane(int layer) const { return m_lanes.lane(layer); }
    /// Columns in a full row (n + 1 when everything is in one row).
    int columnsPerRow() const { return m_columns; }
    /// Number of rows.
    int rowCount() const { return int(m_rowTop.size()); }
    /// The row of layer i.
    int row(int layer) const { return (layer + 1) / m_columns; }
    /// The box of layer i in scene coordinates.
    QRectF box(int layer) const { return m_boxes.at(layer); }
    /// The box of the model input (column 0 of row 0, lane 0).
    QRectF inputBox() const { return m_input; }
    /// Every edge, in the order their producers appear.
    const QVector<Edge> &edges() const { return m_edges; }
    /// Every block, in topological order.
    const QVector<Block> &blocks() const { return m_blocks; }

    /// The x of cut position k (0..n) in its row: the middle of the gap right of column k.
    qreal cutX(int k) const { return column(k) * kColumnPitch - kColumnGap / 2; }
    /// The bar of cut position k: at cutX(k), from the top to the bottom of its row (names and frames included).
    QLineF cutLine(int k) const;
    /// The cut position nearest to scene point at (in the nearest row), clamped to 0..n.
    int nearestCut(const QPointF &at) const;
    /// Everything drawn: the input box, every layer box, edge and block, every row with its cut bars, and the
    /// handles' room above the first row.
    QRectF bounds() const { return m_bounds; }

private:
    /// The x of the left side of the column at position c of a row.
    static qreal columnLeft(int c) { return (c - 1) * kColumnPitch; }
    /// The position of global column g (0 = the input) within its row.
    int column(int g) const { return g % m_columns; }
    /// Computes every rectangle and route for m_columns.
    void place();
    /// Fills m_laneTop and m_laneHeight and the rows' extents from the lanes each row uses.
    void placeRows();
    /// The y of the middle of lane l in row r.
    qreal laneY(int r, int l) const { return m_laneTop[r][l] + m_laneHeight[r][l] / 2; }
    /// The route of an edge from box a to box b in lane `lane`, one polyline per row.
    QVector<QPolygonF> route(const QRectF &a, int ga, int lane, const QRectF &b, int gb) const;

    LayerLanes m_lanes;
    int m_columns = 1;
    QVector<QVector<qreal>> m_laneTop;    ///< per row, the top of each lane it uses
    QVector<QVector<qreal>> m_laneHeight; ///< per row, the height of each lane it uses
    QVector<qreal> m_rowTop;              ///< per row, the top of its band (block names included)
    QVector<qreal> m_rowBottom;           ///< per row, the bottom of its band
    QVector<QRectF> m_boxes;
    QRectF m_input;
    QVector<Edge> m_edges;
    QVector<Block> m_blocks;
    QRectF m_bounds;
};

} // namespace d3::ui
