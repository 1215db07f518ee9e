#include "BandwidthFigure.h"

#include "ComparisonView.h"
#include "PlannerStyle.h"
#include "QCustomPlotInclude.h"

namespace d3::ui {

BandwidthFigure::BandwidthFigure(QCustomPlot *plot, const core::Comparison &c, const QString &model, int condition)
    : Figure(plot, tr("Latency against bandwidth: %1").arg(model), QString(), tr("median latency (ms)"))
    , m_model(model)
{
    const int axis = ComparisonView::bandwidthAxis(c);
    const QString link = axis >= 0 ? c.axes.at(axis).chopped(5) : QString();
    setAxisLabel(plot->xAxis, tr("%1 bandwidth (Mbit/s)").arg(link));
    if (axis < 0 || condition < 0 || condition >= c.conditions.size())
        return;
    m_conditions = ComparisonView::conditionsAlong(c, {axis}, condition);
    for (const QString &planner : c.planners) {
        bool any = false;
        for (int k : std::as_const(m_conditions))
            any = any || c.find(model, k, planner);
        if (any)
            m_planners << planner;
    }
    double top = 0;
    double lo = 0;
    double hi = 0;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k : std::as_const(m_conditions)) {
        const double mbps = c.conditions.at(k).values.at(axis);
        ticker->addTick(mbps, QString::number(mbps, 'g', 4));
        lo = lo > 0 ? qMin(lo, mbps) : mbps;
        hi = qMax(hi, mbps);
    }
    for (const QString &planner : std::as_const(m_planners)) {
        QCPGraph *curve = plot->addGraph();
        PlannerStyle::of(planner).apply(curve, planner);
        QCPErrorBars *errors = PlannerStyle::of(planner).addErrorBars(curve);
        for (int k : std::as_const(m_conditions)) {
            const core::ComparisonRow *row = c.find(model, k, planner);
            if (!row || row->n == 0)
                continue;
            curve->addData(c.conditions.at(k).values.at(axis), row->p50Ms);
            errors->addData(qMax(0.0, row->p50Ms - row->p25Ms), qMax(0.0, row->p75Ms - row->p50Ms));
            top = qMax(top, row->p75Ms);
        }
        m_curves << curve;
        m_errors << errors;
    }
    title()->setText(title()->text() + ComparisonView::conditionSuffix(c, condition));
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setSubTicks(false);
    if (lo > 0)
        plot->xAxis->setRange(lo / 1.4, hi * 1.4);
    plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
}

QString BandwidthFigure::name() const
{
    return ComparisonView::figureName(QStringLiteral("latency_vs_bandwidth"), m_model);
}

} // namespace d3::ui
