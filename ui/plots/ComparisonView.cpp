#include "ComparisonView.h"

namespace d3::ui {

QStringList ComparisonView::plannersAt(const core::Comparison &c, int condition, const QString &model)
{
    QStringList planners;
    for (const QString &planner : c.planners) {
        for (const QString &m : c.models) {
            if ((model.isEmpty() || m == model) && c.find(m, condition, planner)) {
                planners << planner;
                break;
            }
        }
    }
    return planners;
}

QString ComparisonView::conditionSuffix(const core::Comparison &c, int condition)
{
    if (c.conditions.size() <= 1 || condition < 0 || condition >= c.conditions.size())
        return QString();
    return QStringLiteral(" (%1)").arg(c.conditions.at(condition).label(c.axes));
}

int ComparisonView::bandwidthAxis(const core::Comparison &c)
{
    for (int i = 0; i < c.axes.size(); ++i) {
        const QString &axis = c.axes.at(i);
        if (axis.endsWith(QLatin1String(".mbps")) && axis.chopped(5).contains(QLatin1String("cloud")))
            return i;
    }
    return -1;
}

QString ComparisonView::figureName(const QString &prefix, const QString &model)
{
    QString safe = model;
    for (QChar &ch : safe) {
        if (!ch.isLetterOrNumber() && ch != QLatin1Char('.') && ch != QLatin1Char('-') && ch != QLatin1Char('_'))
            ch = QLatin1Char('_');
    }
    return prefix + QLatin1Char('_') + safe;
}

} // namespace d3::ui
