#include "GroupedBarsFigure.h"

#include "ComparisonView.h"
#include "HatchedBars.h"
#include "PlannerStyle.h"
#include "QCustomPlotInclude.h"

namespace d3::ui {

GroupedBarsFigure::GroupedBarsFigure(QCustomPlot *plot, const QString &title, const QString &yLabel)
    : Figure(plot, title, tr("model"), yLabel)
{
}

void GroupedBarsFigure::build(const core::Comparison &c, int condition, const Value &value, const Value &lower,
                              const Value &upper)
{
    QCustomPlot *p = plot();
    m_models = c.models;
    m_planners = ComparisonView::plannersAt(c, condition);
    title()->setText(title()->text() + ComparisonView::conditionSuffix(c, condition));
    auto *group = new QCPBarsGroup(p);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const double width = 0.8 / qMax(1, int(m_planners.size()));
    double top = 0;
    for (const QString &planner : std::as_const(m_planners)) {
        auto *bars = new HatchedBars(p->xAxis, p->yAxis);
        PlannerStyle::of(planner).apply(bars, planner);
        bars->setWidth(width);
        bars->setBarsGroup(group);
        QVector<double> minus;
        QVector<double> plus;
        for (int m = 0; m < m_models.size(); ++m) {
            const core::ComparisonRow *row = c.find(m_models[m], condition, planner);
            if (!row)
                continue;
            const double v = value(*row);
            bars->addData(m + 1, v);
            top = qMax(top, v);
            if (lower && upper) {
                minus << qMax(0.0, v - lower(*row));
                plus << qMax(0.0, upper(*row) - v);
                top = qMax(top, upper(*row));
            }
        }
        m_bars << bars;
        if (lower && upper) {
            auto *errors = new QCPErrorBars(p->xAxis, p->yAxis);
            errors->removeFromLegend();
            errors->setDataPlottable(bars);
            errors->setData(minus, plus);
            errors->setPen(QPen(Qt::black, 1));
            errors->setWhiskerWidth(4);
            m_errors << errors;
        }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int m = 0; m < m_models.size(); ++m)
        ticker->addTick(m + 1, m_models[m]);
    p->xAxis->setTicker(ticker);
    p->xAxis->setSubTicks(false);
    p->xAxis->setTickLength(0, 3);
    p->xAxis->setRange(0.45, m_models.size() + 0.55);
    p->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
}

} // namespace d3::ui
