#pragma once

#include "record/RunEvent.h"

#include <QVector>

class QCustomPlot;
class QCPAbstractItem;
class QCPGraph;

namespace d3::ui {

/// The vertical markers of a run figure: a solid line labelled with the event's label at every "plan" event (a new
/// plan took effect), and a dashed grey line with its label at every "timeline" event and "phase" start. The x axis
/// is the time since the run started in seconds. Items are owned by the plot; GUI thread.
class EventMarkers
{
public:
    /// Draws into plot (not owned; it must outlive the markers' use).
    explicit EventMarkers(QCustomPlot *plot);

    /// Adds the marker of a "plan", "timeline" or "phase" event; other kinds are ignored (false).
    bool add(const core::RunEvent &event);
    /// Removes every marker.
    void clear();
    /// How many markers are drawn.
    int count() const { return int(m_items.size() / 2); }
    /// The latest marker's time in s (0 when there is none).
    double lastSeconds() const { return m_lastSeconds; }
    /// The text a marker shows for an event: its label, else a default ("phase 2", "plan 5", the kind).
    static QString labelOf(const core::RunEvent &event);

private:
    QCustomPlot *m_plot;
    QVector<QCPAbstractItem *> m_items;
    QCPGraph *m_planKey = nullptr;     // empty graphs that only show the two styles in the legend
    QCPGraph *m_timelineKey = nullptr;
    double m_lastSeconds = 0;
};

} // namespace d3::ui
