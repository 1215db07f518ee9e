#pragma once

#include "record/Comparison.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace d3::ui {

/// What the comparison figures read alike from a core::Comparison: the planners that ran at a condition, the text
/// of a condition, the swept link bandwidth and stream rate axes, the conditions along some axes, figure names that
/// are safe as file names. Stateless; any thread.
class ComparisonView
{
public:
    /// The planner labels (Comparison::planners order) with a row at condition, for model (every model when empty).
    static QStringList plannersAt(const core::Comparison &comparison, int condition, const QString &model = QString());
    /// " (edge<->cloud.mbps=5, edge_nodes=2)" when the run swept more than one condition, else ""; the axes of except
    /// (indices into Comparison::axes) left out ("" when none is left).
    static QString conditionSuffix(const core::Comparison &comparison, int condition, const QVector<int> &except = {});
    /// The index in Comparison::axes of the first axis that sweeps the bandwidth of a link to or from the cloud
    /// (a name ending in ".mbps" whose link names "cloud": "edge<->cloud.mbps", "edge->cloud.mbps"), or -1.
    static int bandwidthAxis(const core::Comparison &comparison);
    /// The index in Comparison::axes of "stream.rate_hz" (the offered load of a stream), or -1.
    static int rateAxis(const core::Comparison &comparison);
    /// The conditions (indices into Comparison::conditions) whose values equal condition's on every axis but those
    /// of along, ordered by their values on along's axes (the first most significant).
    static QVector<int> conditionsAlong(const core::Comparison &comparison, const QVector<int> &along, int condition);
    /// prefix + "_" + model with every character other than letters, digits, '.', '-' and '_' made '_'.
    static QString figureName(const QString &prefix, const QString &model);
};

} // namespace d3::ui
