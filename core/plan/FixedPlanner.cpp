#include "FixedPlanner.h"

namespace d3::core {

QString FixedPlanner::name() const
{
    switch (m_tier) {
    case Device:
        return QStringLiteral("device-only");
    case Edge:
        return QStringLiteral("edge-only");
    case Cloud:
        return QStringLiteral("cloud-only");
    }
    return {};
}

Plan FixedPlanner::choose(const CostModel &model, QString *) const
{
    const int n = model.graph().layerCount();
    Plan plan;
    plan.edgeNode = model.edgeNodesBySpeed().first();
    plan.p = m_tier == Device ? n : 0;
    plan.q = m_tier == Cloud ? 0 : n;
    return plan;
}

} // namespace d3::core
