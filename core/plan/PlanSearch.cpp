#include "PlanSearch.h"

namespace d3::core {

PlanSearch::PlanSearch(const CostModel &model)
    : m_model(model)
{
    // tail(s, q) = edge[s, q) + rest(q) = g(q) - prefix(s) / edge speed, with g(q) = prefix(q) / edge speed +
    // rest(q): the best q for every s is a suffix argmin of g, O(n) for all s.
    const int n = model.graph().layerCount();
    QVector<double> g(n + 1);
    for (int q = 0; q <= n; ++q)
        g[q] = model.tail(0, q).total;
    m_bestQ.resize(n + 1);
    m_bestQ[n] = n;
    for (int s = n - 1; s >= 0; --s)
        m_bestQ[s] = g[s] <= g[m_bestQ[s + 1]] ? s : m_bestQ[s + 1];
    m_bestTailMs.resize(n + 1);
    for (int s = 0; s <= n; ++s)
        m_bestTailMs[s] = tailMs(s, m_bestQ[s]);
    if (model.objective().kind == Objective::Kind::Latency)
        return;
    // The rests' busy times: tail(q, q)'s, to which [s, q) adds on the stitching node; and for every s the least
    // bottleneck of a rest from s alone, a lower bound of every plan with such a rest.
    const int stitcher = model.edgeNodesBySpeed().first();
    m_edgeSpeed = model.conditions().edgeSpeeds[stitcher];
    m_restMs.resize(n + 1);
    m_restBusy.resize(n + 1);
    for (int q = 0; q <= n; ++q) {
        const CostBreakdown t = model.tail(q, q);
        m_restMs[q] = t.total;
        m_restBusy[q] = Busy::of(t.busy, stitcher);
    }
    m_tailBusyBound.resize(n + 1);
    for (int s = 0; s <= n; ++s) {
        double least = tailBusy(s, s).max();
        for (int q = s + 1; q <= n; ++q)
            least = std::min(least, tailBusy(s, q).max());
        m_tailBusyBound[s] = least;
    }
}

PlanSearch::Busy PlanSearch::Busy::of(const BusyTimes &busy, int stitcher)
{
    Busy b;
    b.device = busy.device;
    b.stitcher = stitcher < busy.edge.size() ? busy.edge[stitcher] : 0.0;
    b.rest = busy.cloud;
    for (double link : busy.links)
        b.rest = std::max(b.rest, link);
    for (qsizetype i = 0; i < busy.edge.size(); ++i)
        if (i != stitcher)
            b.rest = std::max(b.rest, busy.edge[i]);
    return b;
}

PlanSearch::Busy PlanSearch::tailBusy(int s, int q) const
{
    Busy b = m_restBusy[q];
    b.stitcher += m_model.rangeMs(s, q) / m_edgeSpeed;
    return b;
}

bool PlanSearch::canWin(const Bound &b, const Best &best) const
{
    const double busy = m_tailBusyBound.isEmpty() ? b.busyMs : std::max(b.busyMs, m_tailBusyBound[b.s]);
    return m_model.better(b.ms + m_bestTailMs[b.s], busy, best.ms, best.bottleneckMs);
}

void PlanSearch::offerRests(const Head &head, Best *best) const
{
    if (!canWin({head.ms, head.busy.max(), head.s}, *best))
        return;
    for (int q = head.s; q <= m_model.graph().layerCount(); ++q)
        offer(m_model, head, q, head.ms + tailMsFast(head.s, q), head.busy.joined(tailBusy(head.s, q)), best);
}

void PlanSearch::offer(const CostModel &model, const Head &head, int q, double ms, double bottleneckMs, Best *best)
{
    if (!model.better(ms, bottleneckMs, best->ms, best->bottleneckMs))
        return;
    best->ms = ms;
    best->bottleneckMs = bottleneckMs;
    best->head = head;
    best->q = q;
}

Plan PlanSearch::deviceOnly(const CostModel &model, double *ms)
{
    const int n = model.graph().layerCount();
    Plan plan;
    plan.p = plan.q = n;
    plan.edgeNode = model.edgeNodesBySpeed().first();
    *ms = model.rangeMs(0, n) / model.conditions().deviceSpeed;
    return plan;
}

Plan PlanSearch::complete(const CostModel &model, const Head &head, int q)
{
    Plan plan = head.plan;
    plan.q = q;
    if (head.entry)
        model.tilePhase(*head.entry, head.nodes, &plan);
    return plan;
}

double PlanSearch::lowerBound(const CostModel &model, const TilingEntry &e, int nodes, double deviceAndUplinkMs)
{
    // No assignment beats spreading the work perfectly over the k fastest nodes, nor running the largest tile on
    // the fastest one.
    const Conditions &c = model.conditions();
    double speedSum = 0;
    for (int i = 0; i < nodes; ++i)
        speedSum += c.edgeSpeeds[model.edgeNodesBySpeed()[i]];
    const double fastest = c.edgeSpeeds[model.edgeNodesBySpeed().first()];
    return deviceAndUplinkMs + std::max(e.sumMs / speedSum, e.maxMs / fastest) / c.tileEfficiency;
}

void PlanSearch::forEachHead(const CostModel &m, int pFrom, int pTo,
                             const std::function<bool(const TilingEntry &)> &accepts,
                             const std::function<void(const Head &)> &visit,
                             const std::function<bool(const Bound &)> &worthTrying)
{
    const Conditions &c = m.conditions();
    const int n = m.graph().layerCount();
    const bool busy = m.objective().kind != Objective::Kind::Latency;
    const int stitcher = m.edgeNodesBySpeed().first();
    for (int p = std::max(0, pFrom); p <= std::min(pTo, n - 1); ++p) {
        const double device = m.rangeMs(0, p) / c.deviceSpeed;
        Head untiled;
        untiled.plan.p = p;
        untiled.plan.edgeNode = stitcher;
        untiled.s = p;
        const CodecCosts::Choice up = m.uplink(p, nullptr);
        untiled.ms = device + up.ms;
        if (busy)
            untiled.busy = Busy::of(m.headBusy(untiled.plan, nullptr, up.codec, WireCodec::None), stitcher);
        visit(untiled);
        for (const TilingEntry &e : m.tiling().startingAt(p)) {
            if (e.rows * e.cols == 1 || (accepts && !accepts(e)))
                continue;
            const CodecCosts::Choice tilesUp = m.uplink(p, &e);
            const double uplink = tilesUp.ms;
            // Tiles exist to run in parallel: on one node they only add halo (the untiled head covers k = 1).
            for (int k = 2; k <= std::min(c.edgeNodes(), e.rows * e.cols); ++k) {
                const double phase = lowerBound(m, e, k, 0);
                // The device's layers, the busiest tile node's tiles and the busiest of the k uplinks (each carries
                // its tiles' inputs) are busy at least this long.
                const double busyBound =
                    busy ? std::max({device, phase, m.linkBusyMs(tilesUp, PlanLink::Uplink) / k}) : 0.0;
                if (worthTrying && !worthTrying({device + uplink + phase, busyBound, e.s}))
                    continue;
                Head h;
                h.plan.p = p;
                h.plan.stackEnd = e.s;
                h.plan.rows = e.rows;
                h.plan.cols = e.cols;
                h.plan.edgeNode = stitcher;
                h.s = e.s;
                h.entry = &e;
                h.nodes = k;
                WireCodec gather = WireCodec::None;
                h.ms = device + uplink + m.tilePhase(e, k, busy ? &h.plan : nullptr, &gather);
                if (busy)
                    h.busy = Busy::of(m.headBusy(h.plan, &e, tilesUp.codec, gather), stitcher);
                visit(h);
            }
        }
    }
}

} // namespace d3::core
