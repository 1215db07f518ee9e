#include "KneeFigure.h"

#include "ComparisonView.h"
#include "PlannerStyle.h"
#include "QCustomPlotInclude.h"

#include <cmath>
#include <limits>

namespace d3::ui {
namespace {

/// The least and the most of what a panel shows.
struct Extent {
    double lo = std::numeric_limits<double>::infinity(); ///< the least positive value
    double hi = 0;                                       ///< the most

    void add(double v)
    {
        if (v > 0)
            lo = qMin(lo, v);
        hi = qMax(hi, v);
    }
    /// Spans a factor of 10 or more: drawn on a logarithmic axis.
    bool wide() const { return hi > 0 && hi / lo >= 10; }
};

/// Adds the median of values at x to curve, their 25th and 75th percentiles as errors; nothing when values is empty.
void addPoint(QCPGraph *curve, QCPErrorBars *errors, double x, const QVector<double> &values, Extent *extent)
{
    if (values.isEmpty())
        return;
    const double p25 = core::Comparison::percentile(values, 25);
    const double p50 = core::Comparison::percentile(values, 50);
    const double p75 = core::Comparison::percentile(values, 75);
    curve->addData(x, p50);
    errors->addData(p50 - p25, p75 - p50);
    extent->add(p25);
    extent->add(p75);
}

/// Labelled ticks at values.
QSharedPointer<QCPAxisTickerText> ticksAt(const QVector<double> &values)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (double v : values)
        ticker->addTick(v, QString::number(v, 'g', 4));
    return ticker;
}

/// Makes axis logarithmic over extent with a margin, ticks at ticks (or at 1, 2 and 5 times the powers of 10 in the
/// range when ticks is empty: QCustomPlot's log ticker falls back to linear steps within two decades), or linear
/// from 0.
void fit(QCPAxis *axis, const Extent &extent, bool logarithmic, QVector<double> ticks = {})
{
    if (!logarithmic || extent.hi <= 0) {
        axis->setRange(0, extent.hi > 0 ? extent.hi * 1.1 : 1);
        return;
    }
    const QCPRange range(extent.lo / 1.4, extent.hi * 1.4);
    const bool given = !ticks.isEmpty();
    for (double decade = std::pow(10.0, std::floor(std::log10(range.lower))); !given && decade <= range.upper;
         decade *= 10) {
        for (double v : {decade, 2 * decade, 5 * decade})
            if (v >= range.lower && v <= range.upper)
                ticks << v;
    }
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setRange(range);
    axis->setTicker(ticksAt(ticks));
    axis->setSubTicks(false);
}

} // namespace

KneeFigure::KneeFigure(QCustomPlot *plot, const core::Comparison &c, const QString &model, int condition)
    : Figure(plot, tr("Throughput and p95 latency against offered load: %1").arg(model), QString(),
             tr("throughput (completed/s)"))
    , m_model(model)
{
    // A second panel under the first, both in the axis rect's place (the title above, the legend below them, as in
    // every figure), their left and right edges aligned.
    QCPAxisRect *top = plot->axisRect();
    QCPLayoutGrid *layout = plot->plotLayout();
    int row = 0;
    while (row < layout->rowCount() && layout->element(row, 0) != top)
        ++row;
    layout->take(top);
    auto *panels = new QCPLayoutGrid;
    layout->addElement(row, 0, panels);
    panels->setRowSpacing(0);
    panels->addElement(0, 0, top);
    m_latencyRect = new QCPAxisRect(plot);
    panels->addElement(1, 0, m_latencyRect);
    auto *edges = new QCPMarginGroup(plot);
    top->setMarginGroup(QCP::msLeft | QCP::msRight, edges);
    m_latencyRect->setMarginGroup(QCP::msLeft | QCP::msRight, edges);
    top->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msTop);
    top->setMargins(QMargins(0, 0, 0, 4));
    m_latencyRect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    m_latencyRect->setMargins(QMargins(0, 4, 0, 0));
    QCPAxis *rateAxis = m_latencyRect->axis(QCPAxis::atBottom);
    QCPAxis *latencyAxis = m_latencyRect->axis(QCPAxis::atLeft);
    plot->xAxis->setTickLabels(false);
    setAxisLabel(rateAxis, tr("offered load (requests/s)"));
    setAxisLabel(latencyAxis, tr("p95 latency (ms)"));
    m_diagonal = plot->addGraph();
    m_diagonal->removeFromLegend();
    m_diagonal->setPen(QPen(QColor(0xB0, 0xB0, 0xB0), 0.8));

    const int rate = ComparisonView::rateAxis(c);
    const int objective = int(c.axes.indexOf(QStringLiteral("objective")));
    if (rate < 0 || condition < 0 || condition >= c.conditions.size())
        return;
    QVector<int> along{rate};
    if (objective >= 0)
        along.prepend(objective);
    const QVector<int> conditions = ComparisonView::conditionsAlong(c, along, condition);
    QVector<int> objectives; // the objective values drawn, ascending (-1: not swept)
    Extent rates;
    QVector<double> swept;
    for (int k : conditions) {
        const int o = objective >= 0 ? int(c.conditions.at(k).values.at(objective)) : -1;
        if (!objectives.contains(o))
            objectives << o;
        const double hz = c.conditions.at(k).values.at(rate);
        rates.add(hz);
        if (!swept.contains(hz))
            swept << hz;
    }

    Extent throughput = rates, latency;
    for (const QString &planner : c.planners) {
        for (int o : std::as_const(objectives)) {
            const PlannerStyle style = PlannerStyle::of(planner).underObjective(o);
            const QString label = o < 0 ? PlannerStyle::displayName(planner) : PlannerStyle::displayName(planner, o);
            QCPGraph *served = plot->addGraph();
            style.apply(served, planner);
            served->setName(label);
            QCPGraph *p95 = plot->addGraph(rateAxis, latencyAxis);
            style.apply(p95, planner);
            p95->setName(label);
            p95->removeFromLegend();
            QCPErrorBars *servedErrors = style.addErrorBars(served);
            QCPErrorBars *p95Errors = style.addErrorBars(p95);
            for (int k : conditions) {
                const core::ComparisonRow *row = c.find(model, k, planner);
                if (!row || (objective >= 0 && int(c.conditions.at(k).values.at(objective)) != o))
                    continue;
                QVector<double> completedPerS, p95Ms;
                for (const core::StreamFigures &f : row->phaseFigures) {
                    if (f.arrivals > 0)
                        completedPerS << f.throughputRps;
                    if (f.completed > 0)
                        p95Ms << f.p95Ms;
                }
                const double hz = c.conditions.at(k).values.at(rate);
                addPoint(served, servedErrors, hz, completedPerS, &throughput);
                addPoint(p95, p95Errors, hz, p95Ms, &latency);
            }
            if (served->dataCount() == 0 && p95->dataCount() == 0) {
                plot->removePlottable(servedErrors);
                plot->removePlottable(p95Errors);
                plot->removeGraph(served);
                plot->removeGraph(p95);
                continue;
            }
            m_labels << label;
            m_planners << planner;
            m_objectives << o;
            m_throughput << served;
            m_throughputErrors << servedErrors;
            m_latency << p95;
            m_latencyErrors << p95Errors;
        }
    }

    title()->setText(title()->text() + ComparisonView::conditionSuffix(c, condition, along));
    // The offered rate alike on both panels, and the throughput on its scale and ticks, so that y = x is a straight
    // line through the ticks.
    for (QCPAxis *axis : {plot->xAxis, rateAxis, plot->yAxis})
        fit(axis, axis == plot->yAxis ? throughput : rates, rates.wide(), swept);
    const QCPRange x = rateAxis->range();
    m_diagonal->setData({x.lower, x.upper}, {x.lower, x.upper});
    fit(latencyAxis, latency, latency.wide());
}

QString KneeFigure::name() const
{
    return ComparisonView::figureName(QStringLiteral("knee"), m_model);
}

} // namespace d3::ui
