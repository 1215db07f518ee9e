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
    double bestMs = 0;
    for (int k = 0; k <= n; ++k) {
        Plan plan;
        plan.edgeNode = model.edgeNodesBySpeed().first();
        plan.p = m_split == DeviceCloud ? k : 0;
        plan.q = k;
        const double ms = model.evaluate(plan).total;
        if (k == 0 || ms < bestMs) {
            best = plan;
            bestMs = ms;
        }
    }
    return best;
}

} // namespace d3::core
