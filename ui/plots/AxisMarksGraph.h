#pragma once

#include "QCustomPlotInclude.h"

namespace d3::ui {

/// A QCPGraph whose points may be drawn a few pixels outside the axis rect, so that scatter marks placed on an
/// axis (failed requests as crosses at y = 0) show whole instead of cut in half. Owned by the plot; GUI thread.
class AxisMarksGraph : public QCPGraph
{
public:
    /// Registers the graph with the axes' plot, which owns it.
    AxisMarksGraph(QCPAxis *keyAxis, QCPAxis *valueAxis);

protected:
    /// The axis rect widened by kMarginPx on every side.
    QRect clipRect() const override;

private:
    static constexpr int kMarginPx = 12;
};

} // namespace d3::ui
