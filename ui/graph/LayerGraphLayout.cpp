#include "LayerGraphLayout.h"

#include <QStringList>

#include <algorithm>

namespace d3::ui {

namespace {

/// How far a block's frame reaches beyond its boxes (less than half a gap, so neighbours never touch).
constexpr qreal kFrameX = LayerGraphLayout::kColumnGap * 0.3;
/// Room above a block's boxes for its name.
constexpr qreal kFrameTop = LayerGraphLayout::kLaneGap * 0.6;
/// Room below a block's boxes.
constexpr qreal kFrameBottom = LayerGraphLayout::kLaneGap * 0.3;

/// The lowest free lane after `after`, growing the lane table when needed; marks it busy.
int takeLaneAfter(QVector<bool> &busy, int after)
{
    for (int l = after + 1;; ++l) {
        if (l >= busy.size())
            busy.resize(l + 1, false);
        if (!busy[l]) {
            busy[l] = true;
            return l;
        }
    }
}

/// The leading dotted components every name shares ("inception3a" of "inception3a.branch1.conv", ...).
QString commonPrefix(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    QStringList common = names.first().split(QLatin1Char('.'));
    for (const QString &name : names) {
        const QStringList parts = name.split(QLatin1Char('.'));
        int k = 0;
        while (k < common.size() && k < parts.size() && common[k] == parts[k])
            ++k;
        common = common.mid(0, k);
    }
    return common.join(QLatin1Char('.'));
}

} // namespace

LayerGraphLayout::LayerGraphLayout(const core::ModelGraph &graph)
{
    const int n = graph.layerCount();
    m_lanes.fill(0, n);
    QVector<bool> busy(1, false);
    QVector<QVector<int>> incoming(n); // edge indices ending at each layer
    QVector<int> openBefore(n, 0);     // pending edges when layer i is reached
    QVector<bool> joins(n, false);     // every pending edge ends at layer i (nothing bypasses it)

    // The consumers of tensor t, produced in lane `lane`: the first continues in that lane, the others branch off.
    auto emitEdges = [&](int t, int lane) {
        const QVector<int> &consumers = graph.consumers(t);
        for (int j = 0; j < consumers.size(); ++j) {
            int edgeLane = lane;
            if (j == 0) {
                if (lane >= busy.size())
                    busy.resize(lane + 1, false);
                busy[lane] = true;
            } else {
                edgeLane = takeLaneAfter(busy, lane);
            }
            incoming[consumers[j]].append(m_edges.size());
            m_edges.append(Edge{t, consumers[j], edgeLane, {}});
        }
    };
    auto openLanes = [&] { return int(std::count(busy.cbegin(), busy.cend(), true)); };

    emitEdges(0, 0);
    for (int i = 0; i < n; ++i) {
        openBefore[i] = openLanes();
        int lane = -1;
        for (int e : incoming[i]) {
            lane = lane < 0 ? m_edges[e].lane : std::min(lane, m_edges[e].lane);
            busy[m_edges[e].lane] = false;
        }
        if (lane < 0) // a layer without inputs cannot pass validation; keep it visible anyway
            lane = takeLaneAfter(busy, -1);
        joins[i] = openLanes() == 0;
        m_lanes[i] = lane;
        if (lane >= busy.size())
            busy.resize(lane + 1, false);
        emitEdges(i + 1, lane);
    }

    m_laneCount = n > 0 ? 1 : 0;
    for (int l : m_lanes)
        m_laneCount = std::max(m_laneCount, l + 1);
    for (Edge &e : m_edges) {
        m_laneCount = std::max(m_laneCount, e.lane + 1);
        const int from = e.tensor - 1; // -1: the model input
        const QRectF a = from < 0 ? inputBox() : box(from);
        e.route = route(a, from < 0 ? 0 : m_lanes[from], e.lane, box(e.to), m_lanes[e.to]);
    }
    findBlocks(graph, openBefore, joins);
}

void LayerGraphLayout::findBlocks(const core::ModelGraph &graph, const QVector<int> &openBefore,
                                  const QVector<bool> &joins)
{
    const int n = graph.layerCount();
    int first = -1;
    for (int i = 0; i < n; ++i) {
        if (first < 0 && openBefore[i] > 1)
            first = i;
        if (first < 0 || (!joins[i] && i + 1 < n))
            continue;
        Block b;
        b.first = first;
        b.last = i;
        QStringList names;
        QVector<bool> used(m_laneCount, false);
        int top = m_laneCount;
        int bottom = 0;
        for (int k = first; k <= i; ++k) {
            names << graph.layer(k).name;
            used[m_lanes[k]] = true;
            top = std::min(top, m_lanes[k]);
            bottom = std::max(bottom, m_lanes[k]);
        }
        for (const Edge &e : m_edges) {
            if (e.to >= first && e.to <= i && e.tensor >= first) { // edges inside the block (shortcuts too)
                top = std::min(top, e.lane);
                bottom = std::max(bottom, e.lane);
            }
        }
        b.name = commonPrefix(names);
        b.lanes = int(std::count(used.cbegin(), used.cend(), true));
        const QRectF from = boxAt(first, top);
        const QRectF to = boxAt(i, bottom);
        b.rect = QRectF(QPointF(from.left() - kFrameX, from.top() - kFrameTop),
                        QPointF(to.right() + kFrameX, to.bottom() + kFrameBottom));
        m_blocks.append(b);
        first = -1;
    }
}

QVector<QPointF> LayerGraphLayout::route(const QRectF &a, int la, int e, const QRectF &b, int lb)
{
    const qreal ye = e * kLanePitch + kBoxHeight / 2;
    const qreal xa = a.right() + kColumnGap * 0.35;
    const qreal xb = b.left() - kColumnGap * 0.35;
    QVector<QPointF> points{QPointF(a.right(), a.center().y())};
    if (la != e)
        points << QPointF(xa, a.center().y()) << QPointF(xa, ye);
    if (lb != e)
        points << QPointF(xb, ye) << QPointF(xb, b.center().y());
    points << QPointF(b.left(), b.center().y());
    return points;
}

int LayerGraphLayout::nearestCut(qreal x) const
{
    const int k = qRound((x + kColumnGap / 2) / kColumnPitch);
    return std::clamp(k, 0, layerCount());
}

QRectF LayerGraphLayout::bounds() const
{
    QRectF r = inputBox();
    if (layerCount() > 0)
        r |= boxAt(layerCount() - 1, std::max(0, m_laneCount - 1));
    for (const Block &b : m_blocks)
        r |= b.rect;
    return r;
}

QRectF LayerGraphLayout::boxAt(int column, int lane)
{
    return QRectF(column * kColumnPitch, lane * kLanePitch, kBoxWidth, kBoxHeight);
}

} // namespace d3::ui
