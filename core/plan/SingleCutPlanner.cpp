#include "SingleCutPlanner.h"

namespace d3::core {

QString SingleCutPlanner::name() const
{
    return m_split == DeviceCloud ? QStringLiteral("neurosurgeon") : QStringLiteral("edge-cloud");
}

Plan SingleCutPlanner::choose(const CostModel &model, QString *) const
{
    const int n = model.graph().layerCount();
    Plan best;
    CostBreakdown bestCost;
    for (int k = 0; k <= n; ++k) {
        Plan plan;
        plan.edgeNode = model.edgeNodesBySpeed().first();
        plan.p = m_split == DeviceCloud ? k : 0;
        plan.q = k;
        const CostBreakdown cost = model.evaluate(plan);
        if (k == 0 || model.better(cost, bestCost)) {
            best = plan;
            bestCost = cost;
        }
    }
    return best;
}

} // namespace d3::core
