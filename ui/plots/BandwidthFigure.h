#pragma once

#include "Figure.h"
#include "record/Comparison.h"

#include <QStringList>
#include <QVector>

class QCPErrorBars;
class QCPGraph;

namespace d3::ui {

/// "latency_vs_bandwidth_MODEL": for one model, the median end-to-end latency (25th to 75th percentile as error bars)
/// against the swept bandwidth of the link to the cloud (ComparisonView::bandwidthAxis, a logarithmic x axis with a
/// tick at every swept value), one curve per planner (PlannerStyle), the other sweep axes held at the chosen
/// condition's values. GUI thread.
class BandwidthFigure : public Figure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::BandwidthFigure)

public:
    /// Draws model of comparison into plot (a fresh QCustomPlot, not owned), the other axes as at condition;
    /// comparison must have a bandwidth axis.
    BandwidthFigure(QCustomPlot *plot, const core::Comparison &comparison, const QString &model, int condition);
    /// "latency_vs_bandwidth_" and the model (ComparisonView::figureName).
    QString name() const override;
    /// One curve per planner (planners() order): x the bandwidth in Mbit/s, y the median ms.
    const QVector<QCPGraph *> &curves() const { return m_curves; }
    /// Each curve's error bars (25th to 75th percentile).
    const QVector<QCPErrorBars *> &errorBars() const { return m_errors; }
    /// The planner labels drawn.
    const QStringList &planners() const { return m_planners; }
    /// The conditions drawn (indices into Comparison::conditions), by increasing bandwidth.
    const QVector<int> &conditions() const { return m_conditions; }

private:
    QString m_model;
    QVector<QCPGraph *> m_curves;
    QVector<QCPErrorBars *> m_errors;
    QStringList m_planners;
    QVector<int> m_conditions;
};

} // namespace d3::ui
