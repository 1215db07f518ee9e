#pragma once

#include "Figure.h"
#include "record/Comparison.h"

#include <QStringList>
#include <QVector>

class QCPAxisRect;
class QCPErrorBars;
class QCPGraph;

namespace d3::ui {

/// "knee_MODEL": for one model of a run that swept the stream's offered rate (ComparisonView::rateAxis), two panels
/// over one x axis, the offered rate in requests/s (logarithmic, a tick at every swept rate, when the rates span a
/// factor of 10 or more): above, the throughput (completed requests/s) with the line y = x drawn faintly (a stream
/// that keeps up lies on it; past the knee its throughput levels off below it); below, the p95 latency from arrival
/// to output (logarithmic when it spans a factor of 10 or more). One curve per planner (PlannerStyle), and per
/// objective when the run swept "objective" too ("HPA (throughput)"); each point is the median over the repetitions
/// of each repetition's figure (core::ComparisonRow::phaseFigures), with the 25th to 75th percentile over them as
/// error bars; the other sweep axes held at the chosen condition's values. GUI thread.
class KneeFigure : public Figure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::KneeFigure)

public:
    /// Draws model of comparison into plot (a fresh QCustomPlot, not owned), the other axes as at condition.
    KneeFigure(QCustomPlot *plot, const core::Comparison &comparison, const QString &model, int condition);
    /// "knee_" and the model (ComparisonView::figureName).
    QString name() const override;
    /// The curves' names, in order: planners in Comparison::planners order, each under every objective swept.
    const QStringList &labels() const { return m_labels; }
    /// The planner label (Comparison::planners) of each curve.
    const QStringList &planners() const { return m_planners; }
    /// The objective of each curve (an index into core::Objective::names()), -1 when the run did not sweep it.
    const QVector<int> &objectives() const { return m_objectives; }
    /// Per curve, the throughput: x the offered rate, y the median completed/s over the repetitions.
    const QVector<QCPGraph *> &throughput() const { return m_throughput; }
    /// Their error bars (25th to 75th percentile over the repetitions).
    const QVector<QCPErrorBars *> &throughputErrors() const { return m_throughputErrors; }
    /// Per curve, the latency: x the offered rate, y the median of the repetitions' p95 ms.
    const QVector<QCPGraph *> &latency() const { return m_latency; }
    /// Their error bars (25th to 75th percentile over the repetitions).
    const QVector<QCPErrorBars *> &latencyErrors() const { return m_latencyErrors; }
    /// The faint line y = x across the throughput panel.
    QCPGraph *diagonal() const { return m_diagonal; }
    /// The lower panel (latency); the upper is the plot's axisRect().
    QCPAxisRect *latencyRect() const { return m_latencyRect; }

private:
    QString m_model;
    QStringList m_labels;
    QStringList m_planners;
    QVector<int> m_objectives;
    QVector<QCPGraph *> m_throughput;
    QVector<QCPErrorBars *> m_throughputErrors;
    QVector<QCPGraph *> m_latency;
    QVector<QCPErrorBars *> m_latencyErrors;
    QCPGraph *m_diagonal = nullptr;
    QCPAxisRect *m_latencyRect = nullptr;
};

} // namespace d3::ui
