#include "LatencyFigure.h"

namespace d3::ui {

LatencyFigure::LatencyFigure(QCustomPlot *plot)
    : RunFigure(plot, tr("End-to-end latency"), tr("end-to-end latency (ms)"))
    , m_series(plot)
{
}

void LatencyFigure::appendRequest(const core::RequestRecord &r)
{
    if (r.probe)
        return;
    const double x = r.startMs / 1000.0;
    include(x, m_series.add(x, r));
}

} // namespace d3::ui
