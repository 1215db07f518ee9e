#include "PlanLabel.h"

#include "EventMarkers.h"
#include "PlannerStyle.h"
#include "plan/Plan.h"

#include <QJsonArray>

namespace d3::ui {
namespace {

/// The short label computed from cuts, grid, stack and layers; empty when they are missing.
QString computedShort(const QJsonObject &d)
{
    const QJsonArray cuts = d.value(QLatin1String("cuts")).toArray();
    const int layers = d.value(QLatin1String("layers")).toInt(0);
    if (cuts.size() != 2 || layers <= 0)
        return QString();
    core::Plan plan;
    plan.p = cuts.at(0).toInt();
    plan.q = cuts.at(1).toInt();
    const QJsonArray grid = d.value(QLatin1String("grid")).toArray();
    if (grid.size() == 2) {
        plan.rows = qMax(1, grid.at(0).toInt());
        plan.cols = qMax(1, grid.at(1).toInt());
    }
    const QJsonArray stack = d.value(QLatin1String("stack")).toArray();
    if (stack.size() == 2)
        plan.stackEnd = stack.at(1).toInt() + 1; // "stack": [first, last]
    else if (plan.rows * plan.cols > 1)
        plan.stackEnd = plan.q; // tiled, the stack's end not recorded: within the edge range
    return plan.shortLabel(layers);
}

} // namespace

QString PlanLabel::of(const core::RunEvent &e)
{
    const QString planner = e.details.value(QLatin1String("planner")).toString();
    QString brief = e.details.value(QLatin1String("short")).toString();
    if (brief.isEmpty())
        brief = computedShort(e.details);
    if (brief.isEmpty())
        return EventMarkers::labelOf(e);
    return planner.isEmpty() ? brief : PlannerStyle::displayName(planner) + QStringLiteral(": ") + brief;
}

QJsonObject PlanLabel::shape(const QJsonObject &details)
{
    QJsonObject shape;
    for (const char *key : {"cuts", "grid", "stack"}) {
        const QJsonValue v = details.value(QLatin1String(key));
        if (!v.isUndefined())
            shape.insert(QLatin1String(key), v);
    }
    if (!shape.contains(QLatin1String("cuts")) && !shape.contains(QLatin1String("grid")))
        return QJsonObject();
    return shape;
}

bool PlanLabel::isProbe(const core::RunEvent &e)
{
    return e.details.value(QLatin1String("reason")).toString() == QLatin1String("probe")
        || e.details.value(QLatin1String("probe")).toBool(false);
}

bool PlanLabel::isAfterProbe(const core::RunEvent &e)
{
    return e.details.value(QLatin1String("reason")).toString() == QLatin1String("after probe");
}

} // namespace d3::ui
