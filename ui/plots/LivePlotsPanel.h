#pragma once

#include "RunFigure.h"
#include "control/StageDepths.h"
#include "experiment/ExperimentStream.h"
#include "record/RequestRecord.h"
#include "record/RunEvent.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;

namespace d3::ui {

class QueueDepthPanel;

/// The live plots of a session: where a stream's requests are and the throughput (QueueDepthPanel, a strip on top),
/// end-to-end latency over time, the stacked per-stage latency and the backbone traffic (the figures of RunPlots),
/// each with a marker at every re-partition and timeline event. Requests, events and depths stream in; the plots are
/// redrawn by a ~30 Hz timer only when something changed, so a fast stream of requests costs one redraw a frame,
/// never one a request. By default the x axis follows the latest minute
/// (followSeconds); 0 shows the whole session. GUI thread.
class LivePlotsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Redraw period in ms (about 30 Hz).
    static constexpr int kRedrawMs = 33;
    /// The most of a figure's height its legend takes (Figure::setLegendHeightShare).
    static constexpr double kLegendHeightShare = 0.25;
    /// The most of a figure's height its rows of marker labels take (EventMarkers::setHeightShare).
    static constexpr double kMarkerHeightShare = 0.16;

    /// Three empty figures, latency on top, stages and backbone below.
    explicit LivePlotsPanel(QWidget *parent = nullptr);
    /// Deletes the figures before their plots.
    ~LivePlotsPanel() override;

    /// Adds a request to every figure (drawn at the next redraw).
    void appendRequest(const core::RequestRecord &record);
    /// Adds an event's marker to every figure (drawn at the next redraw).
    void addEvent(const core::RunEvent &event);
    /// Shows where a stream's requests are now (drawn at the next redraw).
    void setDepths(const core::StageDepths::Counts &counts);
    /// Shows the stream in effect (its bound; not enabled: one request at a time).
    void setStream(const core::ExperimentStream &stream);
    /// Empties every figure and the depths.
    void clear();
    /// Seconds of the latest data the x axes show (0: the whole session).
    void setFollowSeconds(double seconds);
    /// The follow window in seconds (0: everything).
    double followSeconds() const { return m_followSeconds; }

    /// The figures, in RunPlots::figureNames() order.
    const std::vector<std::unique_ptr<RunFigure>> &figures() const { return m_figures; }
    /// The figure of that name (latency, stages, backbone), or nullptr.
    RunFigure *figure(const QString &name) const;
    /// The strip of queue depths and throughput.
    QueueDepthPanel *queueDepths() const { return m_depths; }
    /// Redraws done so far (each redraws every figure once).
    int redraws() const { return m_redraws; }
    /// Redraws now if something changed since the last redraw (the timer calls this).
    void redrawIfDirty();

protected:
    /// A plot resized (a splitter dragged, the window resized) is laid out again at the next redraw.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::vector<std::unique_ptr<RunFigure>> m_figures;
    QueueDepthPanel *m_depths;
    QTimer m_timer;
    bool m_dirty = false;
    int m_redraws = 0;
    double m_followSeconds = 60;
};

} // namespace d3::ui
