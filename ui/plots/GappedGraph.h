#pragma once

#include "QCustomPlotInclude.h"

namespace d3::ui {

/// A QCPGraph for series with gaps: a NaN value breaks the line (as in any QCPGraph) and draws no scatter point.
/// QCustomPlot 2.1's QCPGraph::getScatters leaves a NaN value's point at the default QPointF (0, 0), the plot's
/// top-left corner, where every device but the raster one would draw it. Owned by the plot; GUI thread.
class GappedGraph : public QCPGraph
{
public:
    /// Registers the graph with the axes' plot, which owns it.
    GappedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis);

protected:
    /// Draws the scatter points except those at (0, 0) (NaN values; (0, 0) is outside every axis rect, so no real
    /// point is lost) and those that are not finite.
    void drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters,
                         const QCPScatterStyle &style) const override;
};

} // namespace d3::ui
