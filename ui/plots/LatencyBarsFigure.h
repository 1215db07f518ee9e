#pragma once

#include "GroupedBarsFigure.h"

namespace d3::ui {

/// "latency_bars": the median end-to-end latency of every model (a group) under every planner (a bar) at one
/// condition, with error bars from the 25th to the 75th percentile (core::ComparisonRow p50Ms, p25Ms, p75Ms). GUI
/// thread.
class LatencyBarsFigure : public GroupedBarsFigure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::LatencyBarsFigure)

public:
    /// Draws comparison at condition (an index into its conditions) into plot (a fresh QCustomPlot, not owned).
    LatencyBarsFigure(QCustomPlot *plot, const core::Comparison &comparison, int condition);
    /// "latency_bars".
    QString name() const override { return QStringLiteral("latency_bars"); }
};

} // namespace d3::ui
