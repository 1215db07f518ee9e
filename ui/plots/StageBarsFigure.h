#pragma once

#include "Figure.h"
#include "record/Comparison.h"

#include <QStringList>
#include <QVector>

namespace d3::ui {

class HatchedBars;

/// "stage_bars_MODEL": for one model at one condition, a horizontal bar per planner (named on the y axis, the first
/// on top) of its median stage times stacked from the left in the order data flows (core::ComparisonRow::stageMs,
/// core::Comparison::stageNames(); StageStyle colours and hatches). GUI thread.
class StageBarsFigure : public Figure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::StageBarsFigure)

public:
    /// Draws model of comparison at condition into plot (a fresh QCustomPlot, not owned).
    StageBarsFigure(QCustomPlot *plot, const core::Comparison &comparison, const QString &model, int condition);
    /// "stage_bars_" and the model (ComparisonView::figureName).
    QString name() const override;
    /// One stacked series per stage, first to last; bar i is planners()[i] at key (y) i + 1.
    const QVector<HatchedBars *> &bars() const { return m_bars; }
    /// The planner labels drawn, in x order.
    const QStringList &planners() const { return m_planners; }

private:
    QString m_model;
    QVector<HatchedBars *> m_bars;
    QStringList m_planners;
};

} // namespace d3::ui
