// The comparison figures draw core::Comparison's numbers: bars, error bars, stacks and curves equal its rows.
#include "PlotTestData.h"
#include "plots/BackboneBarsFigure.h"
#include "plots/BandwidthFigure.h"
#include "plots/ComparisonView.h"
#include "plots/HatchedBars.h"
#include "plots/KneeFigure.h"
#include "plots/LatencyBarsFigure.h"
#include "plots/PaperFigures.h"
#include "plots/PlannerStyle.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/StageBarsFigure.h"
#include "plots/StageStyle.h"
#include "record/Comparison.h"
#include "record/StreamFigures.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using D = PlotTestData;

core::Comparison comparison(const core::RunData &data)
{
    QString error;
    const auto c = core::Comparison::make(data, &error);
    EXPECT_TRUE(c.has_value()) << error.toStdString();
    return c.value_or(core::Comparison());
}

/// The value of bars at key, or NaN.
double valueAt(const QCPBars *bars, double key)
{
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (it->key == key)
            return it->value;
    return qQNaN();
}

TEST(ComparisonFigures, TheSweepIsWhatTheTestsExpect)
{
    const core::Comparison c = comparison(D::sweepRun());
    EXPECT_EQ(c.models, (QStringList{"resnet18", "alexnet"}));
    EXPECT_EQ(c.planners, (QStringList{"hpa", "dads", "cloud-only"}));
    ASSERT_EQ(c.conditions.size(), 3);
    EXPECT_EQ(ComparisonView::bandwidthAxis(c), c.axes.indexOf(QStringLiteral("edge<->cloud.mbps")));
    EXPECT_EQ(ComparisonView::bandwidthAxis(comparison(D::sweepRun(false))), -1);
    EXPECT_EQ(ComparisonView::figureName(QStringLiteral("stage_bars"), QStringLiteral("my net/v2")),
              QStringLiteral("stage_bars_my_net_v2"));
}

TEST(ComparisonFigures, LatencyBarsAreTheMediansWithQuartileErrorBars)
{
    D::app();
    const core::Comparison c = comparison(D::sweepRun());
    for (int condition = 0; condition < c.conditions.size(); ++condition) {
        SCOPED_TRACE(condition);
        QCustomPlot plot;
        const LatencyBarsFigure figure(&plot, c, condition);
        ASSERT_EQ(figure.planners(), c.planners);
        ASSERT_EQ(figure.bars().size(), c.planners.size());
        ASSERT_EQ(figure.errorBars().size(), c.planners.size());
        for (int p = 0; p < c.planners.size(); ++p) {
            const QCPErrorBars *errors = figure.errorBars()[p];
            ASSERT_EQ(figure.bars()[p]->dataCount(), c.models.size());
            ASSERT_EQ(errors->dataCount(), c.models.size());
            for (int m = 0; m < c.models.size(); ++m) {
                const core::ComparisonRow *row = c.find(c.models[m], condition, c.planners[p]);
                ASSERT_TRUE(row);
                EXPECT_DOUBLE_EQ(valueAt(figure.bars()[p], m + 1), row->p50Ms);
                EXPECT_NEAR(errors->data()->at(m).errorMinus, row->p50Ms - row->p25Ms, 1e-9);
                EXPECT_NEAR(errors->data()->at(m).errorPlus, row->p75Ms - row->p50Ms, 1e-9);
            }
            EXPECT_EQ(figure.bars()[p]->name(), PlannerStyle::displayName(c.planners[p]));
        }
        EXPECT_TRUE(figure.title()->text().contains(c.conditions[condition].label(c.axes)));
    }
}

TEST(ComparisonFigures, BackboneBarsAreTheMedianKiB)
{
    D::app();
    const core::Comparison c = comparison(D::sweepRun());
    QCustomPlot plot;
    const BackboneBarsFigure figure(&plot, c, 1);
    ASSERT_EQ(figure.bars().size(), c.planners.size());
    EXPECT_TRUE(figure.errorBars().isEmpty());
    for (int p = 0; p < c.planners.size(); ++p)
        for (int m = 0; m < c.models.size(); ++m)
            EXPECT_DOUBLE_EQ(valueAt(figure.bars()[p], m + 1), c.find(c.models[m], 1, c.planners[p])->backboneBytes / 1024.0);
}

TEST(ComparisonFigures, StageBarsStackTheMedianStages)
{
    D::app();
    const core::Comparison c = comparison(D::sweepRun());
    for (const QString &model : c.models) {
        QCustomPlot plot;
        const StageBarsFigure figure(&plot, c, model, 2);
        EXPECT_EQ(figure.name(), QStringLiteral("stage_bars_") + model);
        ASSERT_EQ(figure.bars().size(), core::Comparison::stageNames().size());
        ASSERT_EQ(figure.bars().size(), StageStyle::all().size());
        ASSERT_EQ(figure.planners(), c.planners);
        for (int s = 0; s < figure.bars().size(); ++s) {
            EXPECT_EQ(figure.bars()[s]->barBelow(), s == 0 ? nullptr : figure.bars()[s - 1]); // stacked in order
            for (int p = 0; p < c.planners.size(); ++p)
                EXPECT_DOUBLE_EQ(valueAt(figure.bars()[s], p + 1), c.find(model, 2, c.planners[p])->stageMs.value(s));
        }
    }
}

TEST(ComparisonFigures, LatencyAgainstBandwidthHasACurvePerPlanner)
{
    D::app();
    const core::Comparison c = comparison(D::sweepRun());
    const int axis = ComparisonView::bandwidthAxis(c);
    QCustomPlot plot;
    const BandwidthFigure figure(&plot, c, QStringLiteral("alexnet"), 0);
    EXPECT_EQ(figure.name(), QStringLiteral("latency_vs_bandwidth_alexnet"));
    EXPECT_EQ(plot.xAxis->scaleType(), QCPAxis::stLogarithmic);
    ASSERT_EQ(figure.conditions().size(), 3);
    ASSERT_EQ(figure.curves().size(), c.planners.size());
    for (int p = 0; p < c.planners.size(); ++p) {
        const QCPGraph *curve = figure.curves()[p];
        ASSERT_EQ(curve->dataCount(), 3);
        double previous = 0;
        for (int i = 0; i < 3; ++i) {
            const int k = figure.conditions()[i];
            const core::ComparisonRow *row = c.find(QStringLiteral("alexnet"), k, c.planners[p]);
            ASSERT_TRUE(row);
            EXPECT_DOUBLE_EQ(curve->data()->at(i)->key, c.conditions[k].values[axis]);
            EXPECT_GT(curve->data()->at(i)->key, previous);
            previous = curve->data()->at(i)->key;
            EXPECT_DOUBLE_EQ(curve->data()->at(i)->value, row->p50Ms);
            EXPECT_NEAR(figure.errorBars()[p]->data()->at(i).errorPlus, row->p75Ms - row->p50Ms, 1e-9);
        }
    }
}

/// What a knee point should be, from the run's own phases: the 25th, 50th and 75th percentile over the repeats of
/// figure (of each phase's StreamFigures) for model and planner at rate, edge_nodes edges and objective (-1: any).
struct Expected {
    double p25 = 0, p50 = 0, p75 = 0;
};
Expected expected(const core::RunData &data, const QString &model, const QString &planner, double rate, int edges,
                  int objective, double core::StreamFigures::*figure)
{
    QVector<double> values;
    for (const core::RunEvent &e : data.events) {
        const QJsonObject cond = e.details.value(QStringLiteral("condition")).toObject();
        if (e.kind != QLatin1String("phase") || e.details.value(QStringLiteral("model")).toString() != model
            || e.details.value(QStringLiteral("planner")).toString() != planner
            || cond.value(QStringLiteral("stream.rate_hz")).toDouble() != rate
            || cond.value(QStringLiteral("edge_nodes")).toInt() != edges
            || (objective >= 0 && cond.value(QStringLiteral("objective")).toInt() != objective))
            continue;
        QVector<const core::RequestRecord *> records;
        for (const core::RequestRecord &r : data.requests)
            if (r.phase == e.phase)
                records << &r;
        values << core::StreamFigures::of(records).*figure;
    }
    EXPECT_EQ(values.size(), 3); // one per repeat
    return {core::Comparison::percentile(values, 25), core::Comparison::percentile(values, 50),
            core::Comparison::percentile(values, 75)};
}

/// The curve's point at key, its error bars' index, or -1.
int pointAt(const QCPGraph *curve, double key)
{
    for (int i = 0; i < curve->dataCount(); ++i)
        if (curve->data()->at(i)->key == key)
            return i;
    return -1;
}

/// Every point of figure's curve i (throughput and latency) is the median over the repeats with quartile error bars.
void expectKneePoints(const KneeFigure &figure, int i, const core::RunData &data, const QString &model, int edges)
{
    const QString planner = figure.planners()[i];
    SCOPED_TRACE(figure.labels()[i].toStdString());
    const struct {
        const QCPGraph *curve;
        const QCPErrorBars *errors;
        double core::StreamFigures::*figure;
    } panels[] = {{figure.throughput()[i], figure.throughputErrors()[i], &core::StreamFigures::throughputRps},
                  {figure.latency()[i], figure.latencyErrors()[i], &core::StreamFigures::p95Ms}};
    for (const auto &panel : panels) {
        ASSERT_EQ(panel.curve->dataCount(), D::streamRates().size());
        for (double rate : D::streamRates()) {
            const int at = pointAt(panel.curve, rate);
            ASSERT_GE(at, 0) << rate;
            const Expected e = expected(data, model, planner, rate, edges, figure.objectives()[i], panel.figure);
            EXPECT_DOUBLE_EQ(panel.curve->data()->at(at)->value, e.p50) << rate;
            EXPECT_NEAR(panel.errors->data()->at(at).errorMinus, e.p50 - e.p25, 1e-9) << rate;
            EXPECT_NEAR(panel.errors->data()->at(at).errorPlus, e.p75 - e.p50, 1e-9) << rate;
        }
    }
}

TEST(ComparisonFigures, TheKneeIsThroughputAndP95AgainstOfferedLoadPerPlanner)
{
    D::app();
    const core::RunData data = D::streamRun();
    const core::Comparison c = comparison(data);
    ASSERT_EQ(ComparisonView::rateAxis(c), 0);
    ASSERT_EQ(c.conditions.size(), 10); // 5 rates x 2 edge-node counts
    QCustomPlot plot;
    const KneeFigure figure(&plot, c, QStringLiteral("resnet18"), 0); // edge_nodes 2
    EXPECT_EQ(figure.name(), QStringLiteral("knee_resnet18"));
    EXPECT_EQ(figure.labels(), (QStringList{"HPA", "cloud-only"}));
    EXPECT_EQ(figure.objectives(), (QVector<int>{-1, -1}));
    EXPECT_TRUE(figure.title()->text().endsWith(QStringLiteral("(edge_nodes=2)"))) << figure.title()->text().toStdString();
    for (int i = 0; i < figure.labels().size(); ++i)
        expectKneePoints(figure, i, data, QStringLiteral("resnet18"), 2);
    // The rates span 16x: a logarithmic offered load, a tick at every rate, the throughput on the same scale and y = x
    // from one end of the axis to the other.
    QCPAxis *rate = figure.latencyRect()->axis(QCPAxis::atBottom);
    EXPECT_EQ(rate->scaleType(), QCPAxis::stLogarithmic);
    EXPECT_EQ(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    EXPECT_EQ(plot.xAxis->range(), rate->range());
    for (QCPAxis *axis : {rate, plot.xAxis, plot.yAxis})
        EXPECT_EQ(axis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().keys(), D::streamRates());
    EXPECT_EQ(figure.latencyRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear); // 50 to 330 ms
    ASSERT_EQ(figure.diagonal()->dataCount(), 2);
    EXPECT_DOUBLE_EQ(figure.diagonal()->data()->at(0)->key, rate->range().lower);
    EXPECT_DOUBLE_EQ(figure.diagonal()->data()->at(0)->value, rate->range().lower);
    EXPECT_DOUBLE_EQ(figure.diagonal()->data()->at(1)->value, rate->range().upper);
    EXPECT_EQ(plot.legend->itemCount(), 2); // the curves of the upper panel only
    for (int i = 0; i < 2; ++i) { // each planner in its own style in both panels
        const PlannerStyle style = PlannerStyle::of(figure.planners()[i]);
        EXPECT_EQ(figure.throughput()[i]->pen().color(), style.color);
        EXPECT_EQ(figure.latency()[i]->pen().color(), style.color);
        EXPECT_EQ(figure.throughput()[i]->scatterStyle().shape(), style.shape);
    }
    // The knee: HPA keeps up at 5/s and levels off at its 20/s below 80/s offered; its p95 grows with the load.
    const QCPGraph *hpa = figure.throughput()[0];
    EXPECT_NEAR(hpa->data()->at(0)->value, 5, 0.5);
    EXPECT_LT(hpa->data()->at(4)->value, 25);
    EXPECT_GT(hpa->data()->at(4)->value, 15);
    for (int i = 1; i < 5; ++i)
        EXPECT_GE(figure.latency()[0]->data()->at(i)->value, figure.latency()[0]->data()->at(i - 1)->value);

    // The other axes held: at 3 edge nodes HPA is faster.
    QCustomPlot plot3;
    const KneeFigure three(&plot3, c, QStringLiteral("resnet18"), 1);
    expectKneePoints(three, 0, data, QStringLiteral("resnet18"), 3);
    EXPECT_GT(three.throughput()[0]->data()->at(4)->value, hpa->data()->at(4)->value);

    // Rates within a factor of 10 (10, 20, 40): linear axes from 0, y = x from the origin.
    core::RunData narrow = data;
    narrow.events.removeIf([](const core::RunEvent &e) {
        const double hz = e.details.value(QStringLiteral("condition")).toObject().value(QStringLiteral("stream.rate_hz")).toDouble();
        return hz == 5 || hz == 80;
    });
    QCustomPlot plotNarrow;
    const KneeFigure linear(&plotNarrow, comparison(narrow), QStringLiteral("resnet18"), 0);
    ASSERT_EQ(linear.throughput().size(), 2);
    EXPECT_EQ(linear.throughput()[0]->dataCount(), 3);
    EXPECT_EQ(linear.latencyRect()->axis(QCPAxis::atBottom)->scaleType(), QCPAxis::stLinear);
    EXPECT_EQ(plotNarrow.yAxis->scaleType(), QCPAxis::stLinear);
    EXPECT_DOUBLE_EQ(plotNarrow.yAxis->range().lower, 0);
    EXPECT_DOUBLE_EQ(linear.diagonal()->data()->at(0)->key, 0);
    EXPECT_DOUBLE_EQ(linear.diagonal()->data()->at(0)->value, 0);
}

TEST(ComparisonFigures, TheKneeHasACurvePerPlannerAndObjective)
{
    D::app();
    const core::RunData data = D::streamRun(true);
    const core::Comparison c = comparison(data);
    QCustomPlot plot;
    const KneeFigure figure(&plot, c, QStringLiteral("alexnet"), 0);
    EXPECT_EQ(figure.labels(),
              (QStringList{"HPA (latency)", "HPA (throughput)", "cloud-only (latency)", "cloud-only (throughput)"}));
    EXPECT_EQ(figure.objectives(), (QVector<int>{0, 1, 0, 1}));
    EXPECT_EQ(figure.planners(), (QStringList{"hpa", "hpa", "cloud-only", "cloud-only"}));
    for (int i = 0; i < figure.labels().size(); ++i)
        expectKneePoints(figure, i, data, QStringLiteral("alexnet"), 2);
    // Under the throughput objective HPA serves more at the highest rate; both objectives keep HPA's colour family
    // apart by shade and mark.
    EXPECT_GT(figure.throughput()[1]->data()->at(4)->value, 1.5 * figure.throughput()[0]->data()->at(4)->value);
    EXPECT_NE(figure.throughput()[1]->pen().color(), figure.throughput()[0]->pen().color());
    EXPECT_EQ(figure.throughput()[1]->scatterStyle().shape(), QCPScatterStyle::ssCrossCircle);
    EXPECT_EQ(figure.throughput()[1]->name(), QStringLiteral("HPA (throughput)"));
    EXPECT_FALSE(figure.title()->text().contains(QStringLiteral("objective")));
}

TEST(PaperFigures, WhichFiguresARunGets)
{
    D::app();
    const ExportOptions options;
    EXPECT_EQ(PaperFigures::figureNames(D::singlePhaseRun(), options),
              (QStringList{"latency", "stages", "backbone", "timeline"}));
    EXPECT_EQ(PaperFigures::conditionCount(D::singlePhaseRun()), 1);
    EXPECT_EQ(PaperFigures::figureNames(D::sweepRun(), options),
              (QStringList{"latency", "stages", "backbone", "timeline", "latency_bars",
                           "latency_vs_bandwidth_resnet18", "latency_vs_bandwidth_alexnet", "backbone_bars",
                           "stage_bars_resnet18", "stage_bars_alexnet"}));
    EXPECT_EQ(PaperFigures::conditionCount(D::sweepRun()), 3);
    // A stream's rate swept: a knee per model.
    EXPECT_EQ(PaperFigures::figureNames(D::streamRun(), options),
              (QStringList{"latency", "stages", "backbone", "timeline", "latency_bars", "knee_resnet18",
                           "knee_alexnet", "backbone_bars", "stage_bars_resnet18", "stage_bars_alexnet"}));
    // No bandwidth swept: no latency_vs_bandwidth.
    EXPECT_EQ(PaperFigures::figureNames(D::sweepRun(false), options),
              (QStringList{"latency", "stages", "backbone", "timeline", "latency_bars", "backbone_bars",
                           "stage_bars_resnet18", "stage_bars_alexnet"}));

    QTemporaryDir tmp;
    ExportOptions bad;
    bad.condition = 3;
    QStringList written;
    QString error;
    EXPECT_FALSE(PaperFigures::exportAll(D::sweepRun(), tmp.path(), bad, &written, &error));
    EXPECT_EQ(error, QStringLiteral("condition 3 is out of range (the run has 3 condition(s): 0..2)"));
    EXPECT_TRUE(written.isEmpty());
}

TEST(PaperFigures, AConsoleExportStartsAtTheFirstRequest)
{
    core::RunData data = D::singlePhaseRun();
    for (core::RequestRecord &r : data.requests) {
        r.startMs += 5000;
        r.arrivalMs += 5000;
    }
    data.requests.first().arrivalMs = 4500; // a stream's first request waited 500 ms before it was sent
    for (core::RunEvent &e : data.events)
        e.tMs += 5000;
    data.events.first().tMs = 4000; // before the first request
    const core::RunData shifted = PaperFigures::fromFirstRequest(data);
    EXPECT_DOUBLE_EQ(shifted.requests.first().arrivalMs, 0);
    EXPECT_DOUBLE_EQ(shifted.requests.first().startMs, 500);
    EXPECT_DOUBLE_EQ(shifted.requests.last().startMs, 41 * 130.0 + 500);
    EXPECT_DOUBLE_EQ(shifted.requests.last().arrivalMs, 41 * 130.0 + 500);
    EXPECT_DOUBLE_EQ(shifted.events.first().tMs, 0);
    EXPECT_DOUBLE_EQ(shifted.events[1].tMs, 1990 + 500);
}

} // namespace
} // namespace d3::ui
