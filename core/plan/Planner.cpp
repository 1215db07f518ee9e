#include "Planner.h"

#include "DadsPlanner.h"
#include "FixedPlanner.h"
#include "HpaPlanner.h"
#include "OraclePlanner.h"
#include "SingleCutPlanner.h"

#include <QElapsedTimer>

namespace d3::core {

PlanResult Planner::run(const CostModel &model) const
{
    PlanResult r;
    r.planner = name();
    QElapsedTimer timer;
    timer.start();
    r.plan = choose(model, &r.note);
    r.decisionUs = timer.nsecsElapsed() / 1e3;
    r.cost = model.evaluateChoosingCodecs(&r.plan);
    return r;
}

QStringList Planner::names()
{
    return {QStringLiteral("device-only"), QStringLiteral("edge-only"), QStringLiteral("cloud-only"),
            QStringLiteral("neurosurgeon"), QStringLiteral("edge-cloud"), QStringLiteral("dads"),
            QStringLiteral("hpa"), QStringLiteral("oracle")};
}

std::unique_ptr<Planner> Planner::create(const QString &name)
{
    if (name == QLatin1String("device-only"))
        return std::make_unique<FixedPlanner>(FixedPlanner::Device);
    if (name == QLatin1String("edge-only"))
        return std::make_unique<FixedPlanner>(FixedPlanner::Edge);
    if (name == QLatin1String("cloud-only"))
        return std::make_unique<FixedPlanner>(FixedPlanner::Cloud);
    if (name == QLatin1String("neurosurgeon"))
        return std::make_unique<SingleCutPlanner>(SingleCutPlanner::DeviceCloud);
    if (name == QLatin1String("edge-cloud"))
        return std::make_unique<SingleCutPlanner>(SingleCutPlanner::EdgeCloud);
    if (name == QLatin1String("dads"))
        return std::make_unique<DadsPlanner>();
    if (name == QLatin1String("hpa"))
        return std::make_unique<HpaPlanner>();
    if (name == QLatin1String("oracle"))
        return std::make_unique<OraclePlanner>();
    return nullptr;
}

} // namespace d3::core
