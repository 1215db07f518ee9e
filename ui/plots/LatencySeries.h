#pragma once

#include "record/RequestRecord.h"

#include <QCoreApplication>

class QCustomPlot;
class QCPGraph;

namespace d3::ui {

/// The three curves of end-to-end latency that the "latency" and "timeline" figures share: the measured ms of
/// completed requests joined by a line that breaks at failures, the cost model's predicted ms as a dashed step line,
/// and every failed request as a cross on the x axis. The graphs are owned by the plot; GUI thread.
class LatencySeries
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::LatencyFigure)

public:
    /// Adds the three graphs to plot (not owned).
    explicit LatencySeries(QCustomPlot *plot);

    /// Draws request at x (the caller leaves probes out); returns the largest value drawn (0 for a failure without a
    /// prediction).
    double add(double x, const core::RequestRecord &request);
    /// Empties the three graphs.
    void clear();

    /// Measured end-to-end ms of completed requests, and a NaN (a gap in the line) at each failed one.
    QCPGraph *measured() const { return m_measured; }
    /// Predicted ms of every request (completed or not).
    QCPGraph *predicted() const { return m_predicted; }
    /// Failed requests, at y = 0.
    QCPGraph *failed() const { return m_failed; }

private:
    QCPGraph *m_measured;
    QCPGraph *m_predicted;
    QCPGraph *m_failed;
};

} // namespace d3::ui
