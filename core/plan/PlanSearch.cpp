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
                             const std::function<bool(double lowerBoundMs, int s)> &worthTrying)
{
    const Conditions &c = m.conditions();
    const int n = m.graph().layerCount();
    for (int p = std::max(0, pFrom); p <= std::min(pTo, n - 1); ++p) {
        const double device = m.rangeMs(0, p) / c.deviceSpeed;
        Head untiled;
        untiled.plan.p = p;
        untiled.plan.edgeNode = m.edgeNodesBySpeed().first();
        untiled.s = p;
        untiled.ms = device + m.uplink(p, nullptr).ms;
        visit(untiled);
        for (const TilingEntry &e : m.tiling().startingAt(p)) {
            if (e.rows * e.cols == 1 || (accepts && !accepts(e)))
                continue;
            const double uplink = m.uplink(p, &e).ms;
            // Tiles exist to run in parallel: on one node they only add halo (the untiled head covers k = 1).
            for (int k = 2; k <= std::min(c.edgeNodes(), e.rows * e.cols); ++k) {
                if (worthTrying && !worthTrying(lowerBound(m, e, k, device + uplink), e.s))
                    continue;
                Head h;
                h.plan.p = p;
                h.plan.stackEnd = e.s;
                h.plan.rows = e.rows;
                h.plan.cols = e.cols;
                h.plan.edgeNode = m.edgeNodesBySpeed().first();
                h.s = e.s;
                h.entry = &e;
                h.nodes = k;
                h.ms = device + uplink + m.tilePhase(e, k, nullptr);
                visit(h);
            }
        }
    }
}

} // namespace d3::core
