#pragma once

#include "HatchedBars.h"
#include "QCustomPlotInclude.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace d3::ui {

/// How one planner looks in every figure that compares planners (docs/EXPERIMENTS.md, Plots): a colour of the
/// Okabe-Ito palette (colour-blind safe, of distinct lightness), a dash pattern and a scatter shape for curves, and a
/// hatch for bars, so that each planner stays apart in greyscale print. A planner run with tiles forbidden ("hpa no
/// tiles") keeps its planner's colour, lightened, with hollow marks and another hatch; a planner's curve under another
/// objective than latency (a swept "objective") keeps its colour, darkened, with a hollow mark of the objective's. The one
/// place these styles live; any thread for the values, GUI thread to apply them.
struct PlannerStyle {
    Q_DECLARE_TR_FUNCTIONS(d3::ui::PlannerStyle)

public:
    QColor color;                                  ///< line and bar colour
    QVector<qreal> dashes;                         ///< dash pattern in pen widths; empty: solid
    QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssDisc; ///< marks on curves
    bool hollow = false;                           ///< marks drawn unfilled (tiles forbidden)
    HatchedBars::Hatch hatch = HatchedBars::Hatch::None; ///< hatch over bars

    /// The style of a planner label as core::Comparison writes it ("hpa", "hpa no tiles", "manual", ...); an
    /// unknown planner gets a style of its own from a fixed cycle (by its name, so the same in every figure).
    static PlannerStyle of(const QString &plannerLabel);
    /// The name a figure shows: hpa -> HPA, dads -> DADS, neurosurgeon -> Neurosurgeon, oracle -> Oracle; edge-cloud,
    /// device-only, cloud-only, edge-only and manual as they are; "hpa no tiles" -> "HPA, no tiles".
    static QString displayName(const QString &plannerLabel);
    /// The name of a planner's curve under objective (an index into core::Objective::names()): "HPA (throughput)",
    /// "DADS (latency under rate)".
    static QString displayName(const QString &plannerLabel, int objective);
    /// This style for a curve under objective (an index into core::Objective::names()): latency (or -1: no objective
    /// swept) keeps it; throughput
    /// and latency under a rate darken the colour and mark with a hollow crossed and plussed circle.
    PlannerStyle underObjective(int objective) const;

    /// A pen of this colour and dash pattern, width px wide.
    QPen pen(double width) const;
    /// The scatter style of curves, size px across.
    QCPScatterStyle scatter(double size) const;
    /// Styles a curve (pen, marks; named by displayName).
    void apply(QCPGraph *graph, const QString &plannerLabel) const;
    /// Error bars on curve (in curve's axes, left out of the legend), in this colour.
    QCPErrorBars *addErrorBars(QCPGraph *curve) const;
    /// Styles bars (fill, outline, hatch; named by displayName).
    void apply(HatchedBars *bars, const QString &plannerLabel) const;
};

} // namespace d3::ui
