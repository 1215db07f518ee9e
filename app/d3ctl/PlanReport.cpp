#include "PlanReport.h"

#include <QJsonArray>

namespace d3::cli {

QJsonObject PlanReport::toJson(const core::PlanResult &r, const core::CostModel &model)
{
    QJsonObject o = r.plan.toJson();
    o.insert(QStringLiteral("planner"), r.planner);
    o.insert(QStringLiteral("model"), model.graph().name());
    o.insert(QStringLiteral("predicted_ms"), r.cost.total);
    o.insert(QStringLiteral("breakdown"), r.cost.toJson());
    o.insert(QStringLiteral("backbone_bytes"), double(r.cost.backboneBytes));
    o.insert(QStringLiteral("uplink_bytes"), double(r.cost.uplinkBytes));
    o.insert(QStringLiteral("decision_us"), r.decisionUs);
    o.insert(QStringLiteral("costs"), model.costs().measured ? QStringLiteral("measured") : QStringLiteral("estimated"));
    o.insert(QStringLiteral("costs_source"), model.costs().source);
    if (!r.note.isEmpty())
        o.insert(QStringLiteral("note"), r.note);
    return o;
}

QString PlanReport::costsText(const core::CostModel &model)
{
    return (model.costs().measured ? QStringLiteral("measured: ") : QStringLiteral("estimated: ")) + model.costs().source;
}

} // namespace d3::cli
