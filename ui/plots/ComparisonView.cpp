#include "ComparisonView.h"

#include <algorithm>

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

QString ComparisonView::conditionSuffix(const core::Comparison &c, int condition, const QVector<int> &except)
{
    if (c.conditions.size() <= 1 || condition < 0 || condition >= c.conditions.size())
        return QString();
    QStringList axes;
    core::ComparisonCondition held;
    for (int a = 0; a < c.axes.size(); ++a) {
        if (!except.contains(a)) {
            axes << c.axes.at(a);
            held.values << c.conditions.at(condition).values.value(a);
        }
    }
    return axes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(held.label(axes));
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

int ComparisonView::rateAxis(const core::Comparison &c)
{
    return int(c.axes.indexOf(QStringLiteral("stream.rate_hz")));
}

QVector<int> ComparisonView::conditionsAlong(const core::Comparison &c, const QVector<int> &along, int condition)
{
    QVector<int> picked;
    if (condition < 0 || condition >= c.conditions.size())
        return picked;
    const QVector<double> &held = c.conditions.at(condition).values;
    for (int k = 0; k < c.conditions.size(); ++k) {
        const QVector<double> &v = c.conditions.at(k).values;
        bool same = v.size() == held.size();
        for (int a = 0; same && a < v.size(); ++a)
            same = along.contains(a) || v.at(a) == held.at(a);
        if (same)
            picked << k;
    }
    std::stable_sort(picked.begin(), picked.end(), [&](int a, int b) {
        for (int axis : along) {
            const double x = c.conditions.at(a).values.value(axis), y = c.conditions.at(b).values.value(axis);
            if (x != y)
                return x < y;
        }
        return false;
    });
    return picked;
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
