#include "CostModel.h"

#include "tiling/TileAssignment.h"

#include <QVarLengthArray>

#include <algorithm>
#include <numeric>

namespace d3::core {

CostModel::CostModel(const ModelGraph &graph, LayerCosts costs, Conditions conditions)
    : m_graph(graph)
    , m_costs(std::move(costs))
    , m_conditions(std::move(conditions))
    , m_tiling(std::make_shared<TilingTable>(graph, m_costs.ms))
{
    m_prefix.resize(graph.layerCount() + 1);
    m_prefix[0] = 0;
    for (int i = 0; i < graph.layerCount(); ++i)
        m_prefix[i + 1] = m_prefix[i] + m_costs.ms.value(i);
    orderEdgeNodes();
}

CostModel CostModel::withConditions(Conditions conditions) const
{
    CostModel other = *this;
    other.m_conditions = std::move(conditions);
    other.orderEdgeNodes();
    return other;
}

CostModel CostModel::withoutTiling() const
{
    CostModel other = *this;
    other.m_tiling = std::make_shared<const TilingTable>(TilingTable::none(m_graph.layerCount()));
    return other;
}

CostModel CostModel::withCodecs(CodecCosts codecs) const
{
    CostModel other = *this;
    other.m_codecs = std::move(codecs);
    return other;
}

CostBreakdown CostModel::evaluateChoosingCodecs(Plan *plan) const
{
    const CostBreakdown b = evaluate(*plan);
    plan->codecs = b.codecs;
    return b;
}

CostBreakdown CostModel::evaluateAsDeployed(Plan *plan) const
{
    *plan = placed(*plan);
    return evaluateChoosingCodecs(plan);
}

CodecCosts::Choice CostModel::send(int cut, double rawBytes, PlanLink link, double fromSpeed, double toSpeed) const
{
    const Conditions &c = m_conditions;
    switch (link) {
    case PlanLink::Uplink:
    case PlanLink::Downlink:
        return m_codecs.best(cut, rawBytes, c.bwDeviceEdgeMbps, c.rttDeviceEdgeMs, fromSpeed, toSpeed);
    case PlanLink::Gather:
        return m_codecs.best(cut, rawBytes, c.bwEdgeEdgeMbps, c.rttEdgeEdgeMs, fromSpeed, toSpeed);
    case PlanLink::Backbone:
    case PlanLink::Return:
        break;
    }
    return m_codecs.best(cut, rawBytes, c.bwEdgeCloudMbps, c.rttEdgeCloudMs, fromSpeed, toSpeed);
}

void CostModel::orderEdgeNodes()
{
    m_bySpeed.resize(m_conditions.edgeNodes());
    std::iota(m_bySpeed.begin(), m_bySpeed.end(), 0);
    std::stable_sort(m_bySpeed.begin(), m_bySpeed.end(), [&](int a, int b) {
        return m_conditions.edgeSpeeds[a] > m_conditions.edgeSpeeds[b];
    });
    m_sortedSpeeds.clear();
    for (int i : m_bySpeed)
        m_sortedSpeeds << m_conditions.edgeSpeeds[i];
}

qint64 CostModel::wireBytes(int k) const
{
    return k == 0 ? m_graph.inputShape().elements() : m_graph.cut(k).bytes;
}

qint64 CostModel::resultBytes() const
{
    return m_graph.cut(m_graph.layerCount()).bytes;
}

CostBreakdown CostModel::tail(int s, int q, double edgeSpeed) const
{
    const Conditions &c = m_conditions;
    const int n = m_graph.layerCount();
    if (edgeSpeed <= 0)
        edgeSpeed = c.edgeSpeeds[m_bySpeed.first()];
    CostBreakdown b;
    b.edge = rangeMs(s, q) / edgeSpeed;
    const qint64 result = resultBytes();
    if (q < n) {
        const CodecCosts::Choice up = send(q, double(wireBytes(q)), PlanLink::Backbone, edgeSpeed, c.cloudSpeed);
        const CodecCosts::Choice back = send(n, double(result), PlanLink::Return, c.cloudSpeed, edgeSpeed);
        const CodecCosts::Choice down = send(n, double(result), PlanLink::Downlink, edgeSpeed, c.deviceSpeed);
        b.backbone = up.ms;
        b.cloud = rangeMs(q, n) / c.cloudSpeed;
        b.ret = back.ms + down.ms;
        b.backboneBytes = up.wireBytes + back.wireBytes;
        b.backboneRawBytes = wireBytes(q) + result;
        b.codecs[size_t(PlanLink::Backbone)] = up.codec;
        b.codecs[size_t(PlanLink::Return)] = back.codec;
        b.codecs[size_t(PlanLink::Downlink)] = down.codec;
    } else {
        const CodecCosts::Choice down = send(n, double(result), PlanLink::Downlink, edgeSpeed, c.deviceSpeed);
        b.ret = down.ms;
        b.codecs[size_t(PlanLink::Downlink)] = down.codec;
    }
    b.total = b.edge + b.backbone + b.cloud + b.ret;
    return b;
}

Plan CostModel::placed(const Plan &plan) const
{
    Plan p = plan;
    if (m_bySpeed.isEmpty() || (!plan.tiled() && plan.edgeNode != 0) || (plan.tiled() && !plan.tileNodes.isEmpty()))
        return p;
    p.edgeNode = m_bySpeed.first();
    const TilingEntry *entry = plan.tiled() ? m_tiling->find(plan.p, plan.stackEnd, plan.rows, plan.cols) : nullptr;
    if (entry)
        tilePhase(*entry, int(m_bySpeed.size()), &p);
    return p;
}

double CostModel::tilePhase(const TilingEntry &e, int k, Plan *plan, WireCodec *gatherCodec) const
{
    const Conditions &c = m_conditions;
    k = std::clamp(k, 1, int(m_bySpeed.size()));
    const int tiles = e.tileMs.size();
    QVarLengthArray<int, TileAssignment::kMaxFastTiles> node(tiles);
    const double makespan = TileAssignment::longestFirst(e.tileMs.constData(), tiles, m_sortedSpeeds.constData(), k,
                                                         node.data());
    qint64 gathered = 0;
    for (int t = 0; t < tiles; ++t) {
        if (node[t] != 0)
            gathered += e.tileOutBytes[t];
    }
    if (plan) {
        plan->tileNodes.resize(tiles);
        for (int t = 0; t < tiles; ++t)
            plan->tileNodes[t] = m_bySpeed[node[t]];
        plan->edgeNode = m_bySpeed.first();
    }
    return makespan / c.tileEfficiency + gatherMs(e.s, gathered, gatherCodec);
}

double CostModel::gatherMs(int s, qint64 gathered, WireCodec *codec) const
{
    if (gathered <= 0)
        return 0.0;
    const double edgeSpeed = m_sortedSpeeds.first();
    const CodecCosts::Choice choice = send(s, double(gathered), PlanLink::Gather, edgeSpeed, edgeSpeed);
    if (codec)
        *codec = choice.codec;
    return choice.ms;
}

CodecCosts::Choice CostModel::uplink(int p, const TilingEntry *entry) const
{
    const Conditions &c = m_conditions;
    return send(p, double(entry ? entry->inputBytes : wireBytes(p)), PlanLink::Uplink, c.deviceSpeed,
                m_sortedSpeeds.first());
}

CostBreakdown CostModel::evaluate(const Plan &plan) const
{
    const Conditions &c = m_conditions;
    const int n = m_graph.layerCount();
    CostBreakdown b;
    b.device = rangeMs(0, plan.p) / c.deviceSpeed;
    if (plan.p >= n) {
        b.total = b.device;
        return b;
    }
    int s = plan.p;
    const TilingEntry *entry = plan.tiled() ? m_tiling->find(plan.p, plan.stackEnd, plan.rows, plan.cols) : nullptr;
    if (entry && plan.stackEnd <= plan.q) {
        s = plan.stackEnd;
        b.uplinkBytes = entry->inputBytes;
        if (plan.tileNodes.size() == entry->tileMs.size()) {
            QVector<double> work(c.edgeNodes(), 0.0);
            qint64 gathered = 0;
            for (int t = 0; t < entry->tileMs.size(); ++t) {
                const int node = std::clamp(plan.tileNodes[t], 0, c.edgeNodes() - 1);
                work[node] += entry->tileMs[t];
                if (node != plan.edgeNode)
                    gathered += entry->tileOutBytes[t];
            }
            for (int i = 0; i < work.size(); ++i)
                b.tiles = std::max(b.tiles, work[i] / c.edgeSpeeds[i] / c.tileEfficiency);
            b.tiles += gatherMs(entry->s, gathered, &b.codecs[size_t(PlanLink::Gather)]);
        } else {
            Plan assigned = plan;
            b.tiles = tilePhase(*entry, c.edgeNodes(), &assigned, &b.codecs[size_t(PlanLink::Gather)]);
        }
    } else {
        b.uplinkBytes = wireBytes(plan.p);
    }
    const CodecCosts::Choice up = uplink(plan.p, s > plan.p ? entry : nullptr);
    b.uplink = up.ms;
    b.uplinkRawBytes = b.uplinkBytes;
    b.uplinkBytes = up.wireBytes;
    b.codecs[size_t(PlanLink::Uplink)] = up.codec;
    const CostBreakdown t = tail(s, std::max(plan.q, s), c.edgeSpeeds[std::clamp(plan.edgeNode, 0, c.edgeNodes() - 1)]);
    b.edge = t.edge;
    b.backbone = t.backbone;
    b.cloud = t.cloud;
    b.ret = t.ret;
    b.backboneBytes = t.backboneBytes;
    b.backboneRawBytes = t.backboneRawBytes;
    for (PlanLink link : {PlanLink::Backbone, PlanLink::Return, PlanLink::Downlink})
        b.codecs[size_t(link)] = t.codecs[size_t(link)];
    b.total = b.device + b.uplink + b.tiles + b.edge + b.backbone + b.cloud + b.ret;
    return b;
}

} // namespace d3::core
