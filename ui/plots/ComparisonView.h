#pragma once

#include "record/Comparison.h"

#include <QString>
#include <QStringList>

namespace d3::ui {

/// What the comparison figures read alike from a core::Comparison: the planners that ran at a condition, the text
/// of a condition, the swept link bandwidth axis, figure names that are safe as file names. Stateless; any thread.
class ComparisonView
{
public:
    /// The planner labels (Comparison::planners order) with a row at condition, for model (every model when empty).
    static QStringList plannersAt(const core::Comparison &comparison, int condition, const QString &model = QString());
    /// " (edge<->cloud.mbps=5, edge_nodes=2)" when the run swept more than one condition, else "".
    static QString conditionSuffix(const core::Comparison &comparison, int condition);
    /// The index in Comparison::axes of the first axis that sweeps the bandwidth of a link to or from the cloud
    /// (a name ending in ".mbps" whose link names "cloud": "edge<->cloud.mbps", "edge->cloud.mbps"), or -1.
    static int bandwidthAxis(const core::Comparison &comparison);
    /// prefix + "_" + model with every character other than letters, digits, '.', '-' and '_' made '_'.
    static QString figureName(const QString &prefix, const QString &model);
};

} // namespace d3::ui
