#include "LayerGraphLayout.h"

#include <algorithm>
#include <cmath>

namespace d3::ui {

namespace {

/// How far a block's frame reaches beyond its boxes (less than half a gap, so neighbours never touch).
constexpr qreal kFrameX = LayerGraphLayout::kColumnGap * 0.3;
/// Room above a block's boxes for its name (inside the row's head).
constexpr qreal kFrameTop = LayerGraphLayout::kRowHead - 1;
/// Room below a block's boxes (inside the row's foot).
constexpr qreal kFrameBottom = LayerGraphLayout::kRowFoot - 1;
/// Where an edge turns into its lane after its producer (and out of it before its consumer), as a part of the gap.
constexpr qreal kTurn = LayerGraphLayout::kColumnGap * 0.35;
/// The x where a row's routes come in from the previous row.
constexpr qreal kRowLeft = -LayerGraphLayout::kColumnPitch - LayerGraphLayout::kColumnGap / 2;

/// How a row uses a lane.
enum class Use : char { None, Edges, Boxes };

} // namespace

LayerGraphLayout::LayerGraphLayout(const core::ModelGraph &graph, int columnsPerRow)
    : m_lanes(graph)
{
    *this = folded(columnsPerRow);
}

LayerGraphLayout LayerGraphLayout::folded(int columnsPerRow) const
{
    LayerGraphLayout l = *this;
    const int columns = layerCount() + 1;
    l.m_columns = columnsPerRow <= 0 || columnsPerRow > columns ? columns : std::max(columnsPerRow, 2);
    l.place();
    return l;
}

int LayerGraphLayout::columnsForWidth(qreal width)
{
    return std::max(2, int(std::floor(width / kColumnPitch)));
}

void LayerGraphLayout::placeRows()
{
    const int c = m_columns;
    const int rows = (layerCount() + c) / c; // ceil((n + 1) / c)
    QVector<QVector<Use>> use(rows);
    auto mark = [&](int r, int l, Use u) {
        QVector<Use> &lanes = use[r];
        if (l >= lanes.size())
            lanes.resize(l + 1, Use::None);
        lanes[l] = std::max(lanes[l], u);
    };
    mark(0, 0, Use::Boxes); // the input
    for (int i = 0; i < layerCount(); ++i)
        mark((i + 1) / c, lane(i), Use::Boxes);
    for (const LayerLanes::Edge &e : m_lanes.edges())
        for (int r = e.tensor / c; r <= (e.to + 1) / c; ++r)
            mark(r, e.lane, Use::Edges);
    for (const LayerLanes::Block &b : m_lanes.blocks())
        for (int r = (b.first + 1) / c; r <= (b.last + 1) / c; ++r)
            mark(r, b.bottom, Use::Edges);

    m_laneTop.fill(QVector<qreal>(), rows);
    m_laneHeight.fill(QVector<qreal>(), rows);
    m_rowTop.fill(0, rows);
    m_rowBottom.fill(0, rows);
    qreal top = -kRowHead; // row 0's boxes start at y = 0
    for (int r = 0; r < rows; ++r) {
        m_rowTop[r] = top;
        qreal y = top + kRowHead;
        for (Use u : std::as_const(use[r])) {
            const qreal h = u == Use::Boxes ? kBoxHeight : kEdgeLaneHeight;
            m_laneTop[r].append(y);
            m_laneHeight[r].append(h);
            y += h + kLaneGap;
        }
        m_rowBottom[r] = y - kLaneGap + kRowFoot;
        top = m_rowBottom[r] + kRowGap;
    }
}

void LayerGraphLayout::place()
{
    placeRows();
    const int c = m_columns;
    auto boxAt = [&](int g, int l) {
        return QRectF(columnLeft(column(g)), m_laneTop[g / c][l], kBoxWidth, kBoxHeight);
    };
    m_input = boxAt(0, 0);
    m_boxes.resize(layerCount());
    for (int i = 0; i < layerCount(); ++i)
        m_boxes[i] = boxAt(i + 1, lane(i));

    m_edges.clear();
    for (const LayerLanes::Edge &e : m_lanes.edges()) {
        const int from = e.tensor - 1; // -1: the model input
        const QRectF a = from < 0 ? m_input : m_boxes[from];
        m_edges.append(Edge{e.tensor, e.to, e.lane, route(a, e.tensor, e.lane, m_boxes[e.to], e.to + 1)});
    }

    m_blocks.clear();
    for (const LayerLanes::Block &lb : m_lanes.blocks()) {
        Block b{lb.name, lb.first, lb.last, lb.lanes, {}};
        const int gf = lb.first + 1, gl = lb.last + 1;
        for (int r = gf / c; r <= gl / c; ++r) {
            const int c0 = r == gf / c ? column(gf) : 0;
            const int c1 = r == gl / c ? column(gl) : c - 1;
            b.rects.append(QRectF(QPointF(columnLeft(c0) - kFrameX, m_laneTop[r][lb.top] - kFrameTop),
                                  QPointF(columnLeft(c1) + kBoxWidth + kFrameX,
                                          m_laneTop[r][lb.bottom] + m_laneHeight[r][lb.bottom] + kFrameBottom)));
        }
        m_blocks.append(b);
    }

    m_bounds = m_input;
    for (int r = 0; r < rowCount(); ++r) {
        const int last = std::min((r + 1) * c, layerCount() + 1) - 1; // the row's last global column
        m_bounds |= QRectF(QPointF(kRowLeft, m_rowTop[r]), QPointF(cutX(last), m_rowBottom[r]));
    }
    for (const QRectF &box : std::as_const(m_boxes))
        m_bounds |= box;
    m_bounds.setTop(m_bounds.top() - kRowGap); // the handles' grips above the first row
}

QVector<QPolygonF> LayerGraphLayout::route(const QRectF &a, int ga, int lane, const QRectF &b, int gb) const
{
    const int c = m_columns;
    const int la = ga == 0 ? 0 : this->lane(ga - 1);
    const int lb = this->lane(gb - 1);
    const qreal rowRight = cutX(c - 1);
    QVector<QPolygonF> pieces;
    QPolygonF piece{QPointF(a.right(), a.center().y())};
    for (int r = ga / c; r <= gb / c; ++r) {
        const qreal y = laneY(r, lane);
        if (r > ga / c)
            piece = QPolygonF{QPointF(kRowLeft, y)};
        else if (la != lane)
            piece << QPointF(a.right() + kTurn, a.center().y()) << QPointF(a.right() + kTurn, y);
        if (r < gb / c) {
            piece << QPointF(rowRight, y);
            pieces.append(piece);
            continue;
        }
        if (lb != lane)
            piece << QPointF(b.left() - kTurn, y) << QPointF(b.left() - kTurn, b.center().y());
        piece << QPointF(b.left(), b.center().y());
        pieces.append(piece);
    }
    return pieces;
}

QLineF LayerGraphLayout::cutLine(int k) const
{
    if (rowCount() == 0)
        return {};
    const int r = std::clamp(k, 0, layerCount()) / m_columns;
    return QLineF(cutX(k), m_rowTop[r], cutX(k), m_rowBottom[r]);
}

int LayerGraphLayout::nearestCut(const QPointF &at) const
{
    if (rowCount() == 0)
        return 0;
    int r = 0;
    while (r + 1 < rowCount() && at.y() > m_rowBottom[r] + kRowGap / 2)
        ++r;
    const int n = layerCount();
    const int inRow = std::min(m_columns, n + 1 - r * m_columns);
    const int j = qRound((at.x() + kColumnGap / 2) / kColumnPitch);
    return std::clamp(r * m_columns + std::clamp(j, r == 0 ? 0 : -1, inRow - 1), 0, n);
}

} // namespace d3::ui
