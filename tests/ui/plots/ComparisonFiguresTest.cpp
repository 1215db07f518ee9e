// The comparison figures draw core::Comparison's numbers: bars, error bars, stacks and curves equal its rows.
#include "PlotTestData.h"
#include "plots/BackboneBarsFigure.h"
#include "plots/BandwidthFigure.h"
#include "plots/ComparisonView.h"
#include "plots/HatchedBars.h"
#include "plots/LatencyBarsFigure.h"
#include "plots/PaperFigures.h"
#include "plots/PlannerStyle.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/StageBarsFigure.h"
#include "plots/StageStyle.h"
#include "record/Comparison.h"

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
    for (core::RequestRecord &r : data.requests)
        r.startMs += 5000;
    for (core::RunEvent &e : data.events)
        e.tMs += 5000;
    data.events.first().tMs = 4000; // before the first request
    const core::RunData shifted = PaperFigures::fromFirstRequest(data);
    EXPECT_DOUBLE_EQ(shifted.requests.first().startMs, 0);
    EXPECT_DOUBLE_EQ(shifted.requests.last().startMs, 41 * 130.0);
    EXPECT_DOUBLE_EQ(shifted.events.first().tMs, 0);
    EXPECT_DOUBLE_EQ(shifted.events[1].tMs, 1990);
}

} // namespace
} // namespace d3::ui
