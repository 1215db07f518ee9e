// A plan the operator drags, as the console predicts it and the cluster runs it: the drag label, the status bar and
// the plan deployed agree to the digit, and its requests measure close to the prediction. An executable of its own,
// run alone (RUN_SERIAL): it compares measured with predicted latency, which other clusters running beside it on the
// same cores would disturb.
#include "ConsoleTestSupport.h"

#include "TestFiles.h"
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/RunToolBar.h"
#include "control/SessionState.h"
#include "graph/LayerGraphPanel.h"
#include "tiles/TileGridPanel.h"

#include <QAction>
#include <QLocale>
#include <QRegularExpression>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

namespace d3::ui {
namespace {

using namespace ConsoleTestSupport;

/// The "predicted X ms" figure of a text (the drag label, the status bar); -1 when there is none.
double predictedIn(const QString &text)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("predicted ([0-9.,]+) ms")).match(text);
    return m.hasMatch() ? QLocale().toDouble(m.captured(1)) : -1;
}

TEST(ConsolePredictionTest, ADraggedPlanIsPredictedByOneCallAndCloseToWhatItMeasures)
{
    app();
    Console console(test::TestFiles::d3worker());
    ASSERT_TRUE(openAndRun(console, alexnetCluster(), 5));
    MainWindow *window = console.window();
    core::SessionState *state = console.state();
    window->runToolBar()->runAction()->trigger(); // pause: the estimates stay as the drag label sees them
    settle(console);

    // Untiled first (one edge node computes, the other idles), then the device | edge cut dragged elsewhere: a plan
    // no planner chose.
    Q_EMIT window->tilePanel()->gridRequested(1, 1);
    ASSERT_TRUE(spinUntil([&] {
        return state->plan()->result.planner == QLatin1String("manual") && !state->plan()->result.plan.tiled();
    }));
    settle(console);
    const core::Plan planned = state->plan()->result.plan;
    const int p = planned.p > 0 ? 0 : 1;
    const QString label = dragHandle(window->graphPanel(), 0, p);
    const double dragged = predictedIn(label);
    ASSERT_GT(dragged, 0) << label.toStdString();
    ASSERT_TRUE(spinUntil([&] { return state->plan()->result.plan.p == p; }))
        << "dropped at p = " << p << " from " << planned.describe().toStdString() << ", label '" << label.toStdString()
        << "', now " << state->plan()->result.plan.describe().toStdString() << ", graph shows p = "
        << window->graphPanel()->p() << ", undo entries " << window->graphPanel()->undoStack()->count();
    EXPECT_EQ(state->plan()->result.planner, QStringLiteral("manual"));
    EXPECT_NEAR(predictedIn(window->planStatus()), dragged, 0.051) << window->planStatus().toStdString();
    EXPECT_NEAR(state->plan()->result.cost.total, dragged, 0.051);
    QStringList idle;
    for (const QString &edge : state->experiment().nodesOf(QStringLiteral("edge")))
        if (edge != state->plan()->edgeNode)
            idle << edge;
    ASSERT_FALSE(idle.isEmpty());
    const QHash<QString, double> speedsBefore = state->speeds();

    // Continue: the first request on it was predicted so too; the status bar follows the series' prediction.
    const qsizetype before = state->data().requests.size();
    window->runToolBar()->runAction()->trigger();
    ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= before + 24; }, 120000));
    window->runToolBar()->runAction()->trigger();
    settle(console);
    const auto &requests = state->data().requests;
    EXPECT_NEAR(requests[before].predictedMs, dragged, 0.051);
    EXPECT_NEAR(predictedIn(window->planStatus()), requests.last().predictedMs, 0.051);
    // Within 15 % of what it measures once the estimates learnt from its requests (the median of the last 12).
    QVector<double> ratios;
    for (qsizetype k = requests.size() - 12; k < requests.size(); ++k) {
        ASSERT_TRUE(requests[k].completed) << requests[k].failure.toStdString();
        ASSERT_EQ(requests[k].planner, QStringLiteral("manual"));
        ratios << requests[k].endToEndMs / requests[k].predictedMs;
    }
    std::sort(ratios.begin(), ratios.end());
    const double median = (ratios[5] + ratios[6]) / 2;
    std::cout << "[ predicted ] dragged plan " << state->plan()->result.plan.describe().toStdString()
              << ": measured / predicted median " << median << " (" << ratios.first() << ".." << ratios.last()
              << ")\n";
    EXPECT_GT(median, 0.85);
    EXPECT_LT(median, 1.15);
    // The idle edge node's speed did not move with what the busy ones taught.
    for (const QString &edge : idle)
        EXPECT_EQ(state->speeds().value(edge), speedsBefore.value(edge)) << edge.toStdString();
}

} // namespace
} // namespace d3::ui
