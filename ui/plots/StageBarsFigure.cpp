#include "StageBarsFigure.h"

#include "ComparisonView.h"
#include "HatchedBars.h"
#include "PlannerStyle.h"
#include "QCustomPlotInclude.h"
#include "StageStyle.h"

namespace d3::ui {

StageBarsFigure::StageBarsFigure(QCustomPlot *plot, const core::Comparison &c, const QString &model, int condition)
    : Figure(plot, tr("Latency by stage: %1").arg(model), tr("median stage latency, stacked (ms)"), QString())
    , m_model(model)
{
    title()->setText(title()->text() + ComparisonView::conditionSuffix(c, condition));
    m_planners = ComparisonView::plannersAt(c, condition, model);
    QVector<double> totals(m_planners.size(), 0);
    HatchedBars *below = nullptr;
    for (int s = 0; s < StageStyle::all().size(); ++s) {
        auto *bars = new HatchedBars(plot->yAxis, plot->xAxis); // horizontal: the planners' names read across
        StageStyle::apply(bars, s);
        bars->setPen(QPen(Qt::black, 0.5));
        bars->setWidth(0.65);
        bars->setStackingGap(0);
        if (below)
            bars->moveAbove(below);
        below = bars;
        for (int i = 0; i < m_planners.size(); ++i) {
            const core::ComparisonRow *row = c.find(model, condition, m_planners[i]);
            const double ms = row ? row->stageMs.value(s) : 0;
            bars->addData(i + 1, ms);
            totals[i] += ms;
        }
        m_bars << bars;
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (int i = 0; i < m_planners.size(); ++i) {
        ticker->addTick(i + 1, PlannerStyle::displayName(m_planners[i]));
        top = qMax(top, totals[i]);
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->setTickLength(0, 3);
    plot->yAxis->setRangeReversed(true); // the first planner on top
    plot->yAxis->setRange(0.4, m_planners.size() + 0.6);
    plot->xAxis->setRange(0, top > 0 ? top * 1.08 : 1);
}

QString StageBarsFigure::name() const
{
    return ComparisonView::figureName(QStringLiteral("stage_bars"), m_model);
}

} // namespace d3::ui
