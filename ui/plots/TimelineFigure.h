#pragma once

#include "EventMarkers.h"
#include "Figure.h"
#include "LatencySeries.h"
#include "record/RunData.h"

#include <QVector>

namespace d3::ui {

/// "timeline": a run's adaptation over its requests. The x axis is the request number within the run (by start
/// time, probes left out, from 1); the measured and predicted end-to-end ms and the failures (LatencySeries); the
/// event markers (EventMarkers) between the requests they came between, oracle probes as narrow spans. GUI thread.
class TimelineFigure : public Figure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::TimelineFigure)

public:
    /// Draws data into plot (a fresh QCustomPlot, not owned).
    TimelineFigure(QCustomPlot *plot, const core::RunData &data);
    /// "timeline".
    QString name() const override { return QStringLiteral("timeline"); }
    /// The latency curves.
    const LatencySeries &series() const { return m_series; }
    /// The markers.
    const EventMarkers &markers() const { return m_markers; }
    /// The x of an event at tMs: the number of requests (probes left out) that started before it, plus 0.5.
    double keyOf(double tMs) const;

protected:
    /// Places the marker labels.
    void arrangeItems() override { m_markers.arrange(); }
    /// The marker labels' font.
    void applyFont(const QFont &font) override { m_markers.setFont(font); }

private:
    LatencySeries m_series;
    EventMarkers m_markers;
    QVector<double> m_starts; // start times of the requests drawn, sorted
};

} // namespace d3::ui
