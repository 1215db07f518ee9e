#pragma once

#include "LatencySeries.h"
#include "RunFigure.h"

class QCPGraph;

namespace d3::ui {

/// "latency": the end-to-end ms of every completed request (not probes) at its start time, the cost model's
/// predicted ms as a dashed line, and every failed request as a cross on the x axis (LatencySeries). GUI thread.
class LatencyFigure : public RunFigure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::LatencyFigure)

public:
    /// Sets up plot (a fresh QCustomPlot, not owned).
    explicit LatencyFigure(QCustomPlot *plot);

    /// "latency".
    QString name() const override { return QStringLiteral("latency"); }
    /// Adds one request (see the class comment for what is drawn).
    void appendRequest(const core::RequestRecord &request) override;

    /// Measured end-to-end ms of completed requests, and a NaN (a gap in the line) at each failed one.
    QCPGraph *measured() const { return m_series.measured(); }
    /// Predicted ms of every request (completed or not).
    QCPGraph *predicted() const { return m_series.predicted(); }
    /// Failed requests, at y = 0.
    QCPGraph *failed() const { return m_series.failed(); }

protected:
    void clearData() override { m_series.clear(); }

private:
    LatencySeries m_series;
};

} // namespace d3::ui
