#include "BackboneBarsFigure.h"

namespace d3::ui {

BackboneBarsFigure::BackboneBarsFigure(QCustomPlot *plot, const core::Comparison &c, int condition)
    : GroupedBarsFigure(plot, tr("Backbone traffic by model and planner"), tr("median backbone traffic (KiB)"))
{
    build(c, condition, [](const core::ComparisonRow &r) { return r.backboneBytes / 1024.0; });
}

} // namespace d3::ui
