#include "LayerLanes.h"

#include <QStringList>

#include <algorithm>

namespace d3::ui {

namespace {

/// The lanes' occupancy while the layers are walked in order: how many pending edges run in each lane and whether
/// they are all bypass edges (which may share it).
class LaneTable
{
public:
    /// The lowest lane after `after` that is free (or a bypass lane, for a bypass edge); one more edge in it.
    int take(int after, bool bypass)
    {
        for (int l = after + 1;; ++l) {
            grow(l);
            if (m_count[l] == 0 || (bypass && m_bypass[l])) {
                m_bypass[l] = m_count[l] == 0 ? bypass : m_bypass[l];
                ++m_count[l];
                return l;
            }
        }
    }
    /// One more (non-bypass) edge in lane l.
    void hold(int l)
    {
        grow(l);
        m_bypass[l] = m_count[l] == 0 ? false : m_bypass[l];
        ++m_count[l];
    }
    /// One edge less in lane l.
    void release(int l) { --m_count[l]; }
    /// True when no edge runs in lane l.
    bool isFree(int l) const { return l >= m_count.size() || m_count[l] == 0; }
    /// Lanes with at least one pending edge.
    int busyLanes() const { return int(m_count.size() - std::count(m_count.cbegin(), m_count.cend(), 0)); }

private:
    void grow(int l)
    {
        if (l >= m_count.size()) {
            m_count.resize(l + 1, 0);
            m_bypass.resize(l + 1, false);
        }
    }

    QVector<int> m_count;
    QVector<bool> m_bypass;
};

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

/// True when layer reads several distinct tensors (a join: add, concat).
bool isJoin(const core::Layer &layer)
{
    for (int t : layer.inputs)
        if (t != layer.inputs.first())
            return true;
    return false;
}

} // namespace

LayerLanes::LayerLanes(const core::ModelGraph &graph)
{
    const int n = graph.layerCount();
    m_lanes.fill(0, n);
    LaneTable table;
    QVector<QVector<int>> incoming(n); // edge indices ending at each layer
    QVector<int> openBefore(n, 0);     // busy lanes when layer i is reached
    QVector<bool> joins(n, false);     // no lane is busy after layer i (nothing bypasses it)

    // The consumers of tensor t, produced in lane `lane`: the first continues in that lane, the others branch off.
    auto emitEdges = [&](int t, int lane) {
        const QVector<int> &consumers = graph.consumers(t);
        for (int j = 0; j < consumers.size(); ++j) {
            const int to = consumers[j];
            int edgeLane = lane;
            if (j == 0)
                table.hold(lane);
            else
                edgeLane = table.take(lane, isJoin(graph.layer(to)));
            incoming[to].append(m_edges.size());
            m_edges.append(Edge{t, to, edgeLane});
        }
    };

    emitEdges(0, 0);
    for (int i = 0; i < n; ++i) {
        openBefore[i] = table.busyLanes();
        for (int e : incoming[i])
            table.release(m_edges[e].lane);
        int lane = -1;
        for (int e : incoming[i])
            if (table.isFree(m_edges[e].lane))
                lane = lane < 0 ? m_edges[e].lane : std::min(lane, m_edges[e].lane);
        if (lane < 0) { // every input lane still carries other edges (or no inputs): the lowest free lane
            lane = table.take(-1, false);
            table.release(lane);
        }
        joins[i] = table.busyLanes() == 0;
        m_lanes[i] = lane;
        emitEdges(i + 1, lane);
    }

    m_laneCount = n > 0 ? 1 : 0;
    for (int l : m_lanes)
        m_laneCount = std::max(m_laneCount, l + 1);
    for (const Edge &e : m_edges)
        m_laneCount = std::max(m_laneCount, e.lane + 1);
    findBlocks(graph, incoming, openBefore, joins);
}

void LayerLanes::findBlocks(const core::ModelGraph &graph, const QVector<QVector<int>> &incoming,
                            const QVector<int> &openBefore, const QVector<bool> &joins)
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
        b.top = m_laneCount;
        b.bottom = 0;
        for (int k = first; k <= i; ++k) {
            names << graph.layer(k).name;
            used[m_lanes[k]] = true;
            b.top = std::min(b.top, m_lanes[k]);
            b.bottom = std::max(b.bottom, m_lanes[k]);
            for (int e : incoming[k]) {
                if (m_edges[e].tensor >= first) { // edges inside the block (shortcuts too)
                    b.top = std::min(b.top, m_edges[e].lane);
                    b.bottom = std::max(b.bottom, m_edges[e].lane);
                }
            }
        }
        b.name = commonPrefix(names);
        b.lanes = int(std::count(used.cbegin(), used.cend(), true));
        m_blocks.append(b);
        first = -1;
    }
}

} // namespace d3::ui
