#pragma once

#include "EventMarkers.h"
#include "Figure.h"
#include "record/RequestRecord.h"
#include "record/RunData.h"
#include "record/RunEvent.h"

#include <QCoreApplication>
#include <QString>

class QCustomPlot;

namespace d3::ui {

/// One time-series figure of a run drawn into a QCustomPlot (a Figure): the x axis as the time since the run started
/// (s), the data of a subclass and the event markers (EventMarkers). Data can be loaded whole (load) or streamed
/// (appendRequest, addEvent, then fit, arrange and replot, which a live view coalesces). Building is separate from
/// exporting (PlotExporter). GUI thread.
class RunFigure : public Figure
{
    Q_DECLARE_TR_FUNCTIONS(RunFigure)

public:
    /// Replaces what the figure shows with data's requests and events, and fits the axes.
    void load(const core::RunData &data);
    /// Adds one request (probes and, depending on the figure, failed requests are not drawn).
    virtual void appendRequest(const core::RequestRecord &request) = 0;
    /// Adds what an event shows (EventMarkers::add).
    void addEvent(const core::RunEvent &event);
    /// Empties the figure (keeps its axes, title and legend).
    void clear();
    /// Fits the axes to the data and markers (call before arrange, replot or export after adding data);
    /// windowSeconds > 0 shows only the latest that many seconds (a live view following the run).
    void fit(double windowSeconds = 0);
    /// Whether the marker styles get legend entries (EventMarkers::setInLegend; before any event is added).
    void setMarkersInLegend(bool inLegend) { m_markers.setInLegend(inLegend); }
    /// The most of the height the marker labels' rows take (EventMarkers::setHeightShare).
    void setMarkerHeightShare(double share) { m_markers.setHeightShare(share); }
    /// The markers drawn so far.
    const EventMarkers &markers() const { return m_markers; }

protected:
    /// Sets up plot: title, axis labels, legend below the axis rect.
    RunFigure(QCustomPlot *plot, const QString &title, const QString &yLabel);
    /// Widens the fitted ranges to include a point (x in s, y in the figure's unit).
    void include(double xSeconds, double y);
    /// Subclasses empty their plottables.
    virtual void clearData() = 0;
    /// Subclasses adjust to the data before the axes are fitted (bar widths); fromSeconds: the start of the x
    /// range about to be shown (data before it need not be drawn).
    virtual void fitData(double fromSeconds) { Q_UNUSED(fromSeconds) }
    /// Places the marker labels.
    void arrangeItems() override { m_markers.arrange(); }
    /// The marker labels' font.
    void applyFont(const QFont &font) override { m_markers.setFont(font); }

private:
    EventMarkers m_markers;
    double m_maxX = 0;
    double m_maxY = 0;
};

} // namespace d3::ui
