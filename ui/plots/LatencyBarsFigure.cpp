#include "LatencyBarsFigure.h"

namespace d3::ui {

LatencyBarsFigure::LatencyBarsFigure(QCustomPlot *plot, const core::Comparison &c, int condition)
    : GroupedBarsFigure(plot, tr("Median latency by model and planner"), tr("median latency (ms)"))
{
    build(c, condition, [](const core::ComparisonRow &r) { return r.p50Ms; },
          [](const core::ComparisonRow &r) { return r.p25Ms; }, [](const core::ComparisonRow &r) { return r.p75Ms; });
}

} // namespace d3::ui
