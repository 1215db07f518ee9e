#pragma once

#include "EventMarkers.h"
#include "record/RequestRecord.h"
#include "record/RunData.h"
#include "record/RunEvent.h"

#include <QCoreApplication>
#include <QString>

class QCustomPlot;

namespace d3::ui {

/// One figure of a run drawn into a QCustomPlot: a title, the x axis as the time since the run started (s), the
/// data of a subclass and the event markers (EventMarkers). Data can be loaded whole (load) or streamed
/// (appendRequest, addEvent, then fit and replot, which a live view coalesces). Building is separate from exporting
/// (PlotExporter). The figure sets up the plot's layout once: give each figure its own fresh plot, which must
/// outlive it. GUI thread.
class RunFigure
{
    Q_DECLARE_TR_FUNCTIONS(RunFigure)

public:
    /// Not copyable: it holds items of its plot.
    RunFigure(const RunFigure &) = delete;
    /// Not copyable: it holds items of its plot.
    RunFigure &operator=(const RunFigure &) = delete;
    /// Leaves the plot's plottables and items in place (the plot owns them).
    virtual ~RunFigure();

    /// The figure's name, used in file names: "latency", "stages" or "backbone".
    virtual QString name() const = 0;
    /// The plot it draws into.
    QCustomPlot *plot() const { return m_plot; }

    /// Replaces what the figure shows with data's requests and events, and fits the axes.
    void load(const core::RunData &data);
    /// Adds one request (probes and, depending on the figure, failed requests are not drawn).
    virtual void appendRequest(const core::RequestRecord &request) = 0;
    /// Adds the marker of a "plan", "timeline" or "phase" event (others are ignored).
    void addEvent(const core::RunEvent &event);
    /// Empties the figure (keeps its axes, title and legend).
    void clear();
    /// Fits the axes to the data and markers (call before replot or export after adding data); windowSeconds > 0
    /// shows only the latest that many seconds (a live view following the run).
    void fit(double windowSeconds = 0);
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

private:
    QCustomPlot *m_plot;
    EventMarkers m_markers;
    double m_maxX = 0;
    double m_maxY = 0;
};

} // namespace d3::ui
