#pragma once

#include "Figure.h"
#include "record/Comparison.h"

#include <QStringList>
#include <QVector>

#include <functional>

class QCPErrorBars;

namespace d3::ui {

class HatchedBars;

/// Bars of a run's comparison (core::Comparison) at one condition, grouped by model (one group per model on the x
/// axis) with one bar per planner (PlannerStyle), optionally with error bars; the base of "latency_bars" and
/// "backbone_bars". GUI thread.
class GroupedBarsFigure : public Figure
{
public:
    /// A number of a comparison row.
    using Value = std::function<double(const core::ComparisonRow &)>;

    /// One bar series per planner (planners() order); a model the planner did not run has no bar.
    const QVector<HatchedBars *> &bars() const { return m_bars; }
    /// The error bars of each series (planners() order), or empty when the figure has none.
    const QVector<QCPErrorBars *> &errorBars() const { return m_errors; }
    /// The planner labels drawn (core::Comparison::planners that have a row at the condition).
    const QStringList &planners() const { return m_planners; }
    /// The models, in group order (group i at x = i + 1).
    const QStringList &models() const { return m_models; }

protected:
    /// Sets up plot with a title and a y label; the x axis names the models.
    GroupedBarsFigure(QCustomPlot *plot, const QString &title, const QString &yLabel);
    /// Draws value of every row at condition; with lower and upper, error bars from lower(row) to upper(row).
    void build(const core::Comparison &comparison, int condition, const Value &value, const Value &lower = Value(),
               const Value &upper = Value());

private:
    QVector<HatchedBars *> m_bars;
    QVector<QCPErrorBars *> m_errors;
    QStringList m_planners;
    QStringList m_models;
};

} // namespace d3::ui
