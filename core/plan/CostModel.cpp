#include "CostModel.h"

#include "tiling/TileAssignment.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace d3::core {
namespace {

/// Which pair of tiers a link joins (the conditions give each pair's bandwidth and round trip).
enum class Span { DeviceEdge, EdgeEdge, EdgeCloud };

Span spanOf(PlanLink link)
{
    switch (link) {
    case PlanLink::Uplink:
    case PlanLink::Downlink:
        return Span::DeviceEdge;
    case PlanLink::Gather:
        return Span::EdgeEdge;
    case PlanLink::Backbone:
    case PlanLink::Return:
        break;
    }
    return Span::EdgeCloud;
}

} // namespace

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

CostModel CostModel::withObjective(Objective objective) const
{
    CostModel other = *this;
    other.m_objective = objective;
    return other;
}

bool CostModel::sustains(double bottleneckMs) const
{
    if (m_objective.kind != Objective::Kind::LatencyUnderRate || m_objective.rateHz <= 0)
        return true;
    const double budget = Objective::kUtilisation * 1000.0 / m_objective.rateHz;
    return bottleneckMs <= budget * (1 + kBottleneckTie);
}

bool CostModel::better(double totalA, double bottleneckA, double totalB, double bottleneckB) const
{
    switch (m_objective.kind) {
    case Objective::Kind::Latency:
        return totalA < totalB;
    case Objective::Kind::LatencyUnderRate: {
        const bool a = sustains(bottleneckA), b = sustains(bottleneckB);
        if (a != b)
            return a;
        if (a)
            return totalA < totalB;
        break; // neither sustains the rate: the most throughput
    }
    case Objective::Kind::Throughput:
        break;
    }
    if (std::abs(bottleneckA - bottleneckB) > kBottleneckTie * std::max(bottleneckA, bottleneckB))
        return bottleneckA < bottleneckB;
    return totalA < totalB;
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

double CostModel::linkMbps(PlanLink link) const
{
    const Conditions &c = m_conditions;
    const Span span = spanOf(link);
    return span == Span::DeviceEdge ? c.bwDeviceEdgeMbps : span == Span::EdgeEdge ? c.bwEdgeEdgeMbps : c.bwEdgeCloudMbps;
}

double CostModel::linkRttMs(PlanLink link) const
{
    const Conditions &c = m_conditions;
    const Span span = spanOf(link);
    return span == Span::DeviceEdge ? c.rttDeviceEdgeMs : span == Span::EdgeEdge ? c.rttEdgeEdgeMs : c.rttEdgeCloudMs;
}

CodecCosts::Choice CostModel::send(int cut, double rawBytes, PlanLink link, double fromSpeed, double toSpeed) const
{
    return m_codecs.best(cut, rawBytes, linkMbps(link), linkRttMs(link), fromSpeed, toSpeed);
}

CodecCosts::Choice CostModel::sendWith(WireCodec codec, int cut, double rawBytes, PlanLink link, double fromSpeed,
                                       double toSpeed) const
{
    return m_codecs.cost(codec, cut, rawBytes, linkMbps(link), linkRttMs(link), fromSpeed, toSpeed);
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

CostBreakdown CostModel::tail(int s, int q, int edgeNode) const
{
    const Conditions &c = m_conditions;
    const int n = m_graph.layerCount();
    const int node = edgeNode < 0 ? m_bySpeed.first() : edgeNode;
    const double edgeSpeed = c.edgeSpeeds[node];
    CostBreakdown b;
    b.edge = rangeMs(s, q) / edgeSpeed;
    const qint64 result = resultBytes();
    const CodecCosts::Choice down = send(n, double(result), PlanLink::Downlink, edgeSpeed, c.deviceSpeed);
    // The stitching node runs [s, q), encodes what it sends on and relays the result (decoding it from the cloud and
    // encoding it for the device, as the latency charges a relayed message: two hops).
    double &stitcher = b.busy.edgeNode(node);
    stitcher = b.edge + down.encodeMs;
    if (q < n) {
        const CodecCosts::Choice up = send(q, double(wireBytes(q)), PlanLink::Backbone, edgeSpeed, c.cloudSpeed);
        const CodecCosts::Choice back = send(n, double(result), PlanLink::Return, c.cloudSpeed, edgeSpeed);
        b.backbone = up.ms;
        b.cloud = rangeMs(q, n) / c.cloudSpeed;
        b.ret = back.ms + down.ms;
        b.backboneBytes = up.wireBytes + back.wireBytes;
        b.backboneRawBytes = wireBytes(q) + result;
        b.codecs[size_t(PlanLink::Backbone)] = up.codec;
        b.codecs[size_t(PlanLink::Return)] = back.codec;
        stitcher += up.encodeMs + back.decodeMs;
        b.busy.cloud = up.decodeMs + b.cloud + back.encodeMs;
        b.busy.links[size_t(PlanLink::Backbone)] = linkBusyMs(up, PlanLink::Backbone);
        b.busy.links[size_t(PlanLink::Return)] = linkBusyMs(back, PlanLink::Return);
    } else {
        b.ret = down.ms;
    }
    b.codecs[size_t(PlanLink::Downlink)] = down.codec;
    b.busy.device = down.decodeMs;
    b.busy.links[size_t(PlanLink::Downlink)] = linkBusyMs(down, PlanLink::Downlink);
    b.total = b.edge + b.backbone + b.cloud + b.ret;
    return b;
}

BusyTimes CostModel::headBusy(const Plan &plan, const TilingEntry *entry, WireCodec uplinkCodec,
                              WireCodec gatherCodec) const
{
    const Conditions &c = m_conditions;
    BusyTimes busy;
    busy.device = rangeMs(0, plan.p) / c.deviceSpeed;
    if (plan.p >= m_graph.layerCount())
        return busy;
    const int nodes = c.edgeNodes();
    const int stitcher = std::clamp(plan.edgeNode, 0, nodes - 1);
    // The device sends each edge node its own message(s) over its own link, encoded on the device, decoded there.
    auto uplinkTo = [&](int node, double rawBytes) {
        const CodecCosts::Choice x = sendWith(uplinkCodec, plan.p, rawBytes, PlanLink::Uplink, c.deviceSpeed,
                                              c.edgeSpeeds[node]);
        busy.device += x.encodeMs;
        busy.edgeNode(node) += x.decodeMs;
        double &link = busy.links[size_t(PlanLink::Uplink)];
        link = std::max(link, linkBusyMs(x, PlanLink::Uplink));
    };
    if (!entry) {
        uplinkTo(stitcher, double(wireBytes(plan.p)));
        return busy;
    }
    QVarLengthArray<double, 8> work(nodes);
    QVarLengthArray<qint64, 8> in(nodes), out(nodes);
    QVarLengthArray<bool, 8> used(nodes);
    for (int i = 0; i < nodes; ++i) {
        work[i] = 0;
        in[i] = out[i] = 0;
        used[i] = false;
    }
    for (int t = 0; t < entry->tileMs.size() && t < plan.tileNodes.size(); ++t) {
        const int node = std::clamp(plan.tileNodes[t], 0, nodes - 1);
        work[node] += entry->tileMs[t];
        in[node] += entry->tileInBytes[t];
        out[node] += entry->tileOutBytes[t];
        used[node] = true;
    }
    for (int node = 0; node < nodes; ++node) {
        if (!used[node])
            continue;
        uplinkTo(node, double(in[node]));
        busy.edgeNode(node) += work[node] / c.edgeSpeeds[node] / c.tileEfficiency;
        if (node == stitcher)
            continue;
        const CodecCosts::Choice g = sendWith(gatherCodec, entry->s, double(out[node]), PlanLink::Gather,
                                              c.edgeSpeeds[node], c.edgeSpeeds[stitcher]);
        busy.edgeNode(node) += g.encodeMs;
        busy.edgeNode(stitcher) += g.decodeMs;
        double &link = busy.links[size_t(PlanLink::Gather)];
        link = std::max(link, linkBusyMs(g, PlanLink::Gather));
    }
    return busy;
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
        b.setBusy(headBusy(plan, nullptr, WireCodec::None, WireCodec::None));
        return b;
    }
    int s = plan.p;
    const TilingEntry *entry = plan.tiled() ? m_tiling->find(plan.p, plan.stackEnd, plan.rows, plan.cols) : nullptr;
    const Plan *tiles = &plan; // with its tile nodes
    Plan assigned;
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
            assigned = plan;
            b.tiles = tilePhase(*entry, c.edgeNodes(), &assigned, &b.codecs[size_t(PlanLink::Gather)]);
            assigned.edgeNode = plan.edgeNode;
            tiles = &assigned;
        }
    } else {
        b.uplinkBytes = wireBytes(plan.p);
    }
    const CodecCosts::Choice up = uplink(plan.p, s > plan.p ? entry : nullptr);
    b.uplink = up.ms;
    b.uplinkRawBytes = b.uplinkBytes;
    b.uplinkBytes = up.wireBytes;
    b.codecs[size_t(PlanLink::Uplink)] = up.codec;
    const CostBreakdown t = tail(s, std::max(plan.q, s), std::clamp(plan.edgeNode, 0, c.edgeNodes() - 1));
    b.edge = t.edge;
    b.backbone = t.backbone;
    b.cloud = t.cloud;
    b.ret = t.ret;
    b.backboneBytes = t.backboneBytes;
    b.backboneRawBytes = t.backboneRawBytes;
    for (PlanLink link : {PlanLink::Backbone, PlanLink::Return, PlanLink::Downlink})
        b.codecs[size_t(link)] = t.codecs[size_t(link)];
    b.total = b.device + b.uplink + b.tiles + b.edge + b.backbone + b.cloud + b.ret;
    BusyTimes busy = headBusy(*tiles, s > plan.p ? entry : nullptr, up.codec, b.codecs[size_t(PlanLink::Gather)]);
    busy.add(t.busy);
    b.setBusy(busy);
    return b;
}

} // namespace d3::core
