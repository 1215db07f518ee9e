#pragma once

#include "GroupedBarsFigure.h"

namespace d3::ui {

/// "backbone_bars": the median edge <-> cloud bytes per request, in KiB (1024 bytes), of every model (a group) under
/// every planner (a bar) at one condition (core::ComparisonRow::backboneBytes). GUI thread.
class BackboneBarsFigure : public GroupedBarsFigure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::BackboneBarsFigure)

public:
    /// Draws comparison at condition (an index into its conditions) into plot (a fresh QCustomPlot, not owned).
    BackboneBarsFigure(QCustomPlot *plot, const core::Comparison &comparison, int condition);
    /// "backbone_bars".
    QString name() const override { return QStringLiteral("backbone_bars"); }
};

} // namespace d3::ui
