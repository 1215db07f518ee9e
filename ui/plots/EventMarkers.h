#pragma once

#include "record/RunEvent.h"

#include <QFont>
#include <QJsonObject>
#include <QRectF>
#include <QVector>

#include <functional>
#include <optional>

class QCustomPlot;
class QCPAbstractItem;
class QCPBars;
class QCPGraph;
class QCPItemLine;
class QCPItemRect;
class QCPItemText;

namespace d3::ui {

/// The event markers of a figure (docs/EXPERIMENTS.md, Plots): a solid line at every "plan" event that changed the plan
/// (its cuts, grid or stack differ from the previous plan drawn in the same phase; a phase start forgets it), labelled
/// short ("HPA: 3-tier, 2x2 tiles", PlanLabel); a dashed grey line at every "timeline" event, every action of the
/// console's operator ("operator": a link, a slowdown, a kill, cuts, ...) and "phase" start with its label (phase 0
/// starts with the run: no label); and a light shaded span over each oracle probe (from the probe's plan to the plan
/// restored after it), never labelled as a plan. The labels stand in rows above the axis rect, each beside its line
/// with a leader down to the axis, placed by arrange() so that no two overlap; a label that finds no room in kMaxRows
/// rows, or fits the plot on neither side of its line, is left out (its line stays). The x axis is the event's time in
/// s unless setKeyOf says otherwise. Items are owned by the plot; GUI thread.
class EventMarkers
{
public:
    /// Most rows of labels.
    static constexpr int kMaxRows = 4;

    /// Draws into plot (not owned; it must outlive the markers' use).
    explicit EventMarkers(QCustomPlot *plot);

    /// Maps an event's time (ms since the run started) to the x axis (default: seconds).
    void setKeyOf(std::function<double(double tMs)> keyOf) { m_keyOf = std::move(keyOf); }
    /// The narrowest a probe span is drawn, in x units (default 0).
    void setMinSpanWidth(double width) { m_minSpan = width; }
    /// Whether the marker styles (new plan, timeline event / phase, oracle probe) get legend entries (default true;
    /// a view whose neighbouring figure already explains them leaves them out). Applies to keys created later.
    void setInLegend(bool inLegend) { m_inLegend = inLegend; }
    /// The most of the plot's height the rows of labels take (default 1: up to kMaxRows rows; a small live view
    /// asks for less, and labels without room are left out). At least one row is always offered.
    void setHeightShare(double share) { m_heightShare = share; }
    /// Sets the labels' font (the ones drawn and those to come).
    void setFont(const QFont &font);
    /// Adds what an event shows (see the class comment); false when it shows nothing (another kind, an unchanged
    /// plan, the restore after a probe that was not drawn).
    bool add(const core::RunEvent &event);
    /// Extends a probe span still open (no restore yet) to key.
    void extendOpenSpan(double key);
    /// Places the labels in rows above the axis rect (call once the plot is laid out; Figure::arrange does).
    void arrange();
    /// Removes every marker.
    void clear();

    /// How many marker lines are drawn (plans, timeline events, phases).
    int count() const { return m_lines; }
    /// How many of them mark a new plan.
    int planCount() const { return m_plans; }
    /// How many probe spans are drawn.
    int probeCount() const { return m_probes; }
    /// The latest marker's x (0 when there is none).
    double lastSeconds() const { return m_lastKey; }
    /// The label items (shown or left out by arrange), in the order they were added.
    QVector<QCPItemText *> labels() const;
    /// The probe spans, in the order they were added.
    const QVector<QCPItemRect *> &probeSpans() const { return m_spans; }
    /// A label's rect in pixels as last drawn or laid out (rotation 0).
    static QRectF rectOf(const QCPItemText *label);
    /// The text a marker shows for a timeline or phase event: its label, else a default ("phase 2", "plan 5", the
    /// kind).
    static QString labelOf(const core::RunEvent &event);

private:
    struct Label {
        QCPItemText *text;
        QCPItemLine *leader;
        double key;
    };
    void addLine(double key, bool plan, const QString &text);
    void openSpan(double key);
    void closeSpan(double key);
    QCPItemRect *anchor();

    QCustomPlot *m_plot;
    std::function<double(double)> m_keyOf;
    QFont m_font;
    QVector<QCPAbstractItem *> m_items;
    QVector<Label> m_labels;
    QVector<QCPItemRect *> m_spans;
    QCPItemRect *m_anchor = nullptr;   // an invisible rect over the axis rect: labels hang from its top
    QCPItemRect *m_openSpan = nullptr; // a probe span waiting for its restore
    QCPGraph *m_planKey = nullptr;     // empty plottables that only show the styles in the legend
    QCPGraph *m_timelineKey = nullptr;
    QCPBars *m_probeKey = nullptr;
    int m_phase = -1;
    std::optional<QJsonObject> m_lastShape; // the last plan drawn in the phase
    double m_minSpan = 0;
    bool m_inLegend = true;
    double m_heightShare = 1;
    double m_lastKey = 0;
    int m_lines = 0;
    int m_plans = 0;
    int m_probes = 0;
};

} // namespace d3::ui
