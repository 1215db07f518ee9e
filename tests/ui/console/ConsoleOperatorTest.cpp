// The operator's session on a real local cluster, as a recorded run sees it: every action is an event, a marker and
// the actions column of the next request; one undo step restores the planner's choice whole; a console session
// follows its experiment's count and timeline as `d3ctl run` does; and a dragged plan is predicted by one call,
// close to what it measures.
#include "ConsoleTestSupport.h"

#include "D3ctlProcess.h"
#include "TestFiles.h"
#include "cluster/ClusterPanel.h"
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/RunToolBar.h"
#include "control/SessionState.h"
#include "graph/LayerGraphPanel.h"
#include "links/LinksPanel.h"
#include "plots/LivePlotsPanel.h"
#include "plots/RunFigure.h"
#include "record/RunReader.h"
#include "tiles/TileGridPanel.h"

#include <QAction>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <iostream>

namespace d3::ui {
namespace {

using namespace ConsoleTestSupport;

TEST(ConsoleOperatorTest, EveryActionIsOnTheRecordAndUndoRestoresThePlannersChoice)
{
    app();
    const QVector<qint64> before = workers();
    QTemporaryDir out;
    {
        Console console(test::TestFiles::d3worker());
        ASSERT_TRUE(openAndRun(console, alexnetCluster(), 3));
        MainWindow *window = console.window();
        core::SessionState *state = console.state();

        // A drag makes the plan manual (said in the toolbar) and keeps the planners' tiles setting; undo brings the
        // planner back with it, redo the drag; a new choice after an undo leaves nothing to redo.
        const core::Plan planned = state->plan()->result.plan;
        const int n = state->graph().layerCount();
        const int q = planned.q < n ? n : std::max(planned.p, n - 4);
        dragHandle(window->graphPanel(), 1, q);
        ASSERT_TRUE(spinUntil([&] { return state->plan()->result.planner == QLatin1String("manual"); }));
        EXPECT_EQ(state->plan()->result.plan.q, q);
        EXPECT_EQ(window->runToolBar()->planner(), QStringLiteral("manual"));
        EXPECT_TRUE(window->runToolBar()->tiles());
        QUndoStack *undo = window->graphPanel()->undoStack();
        undo->undo();
        ASSERT_TRUE(spinUntil([&] { return state->plan()->result.planner == QLatin1String("hpa"); }));
        EXPECT_EQ(window->runToolBar()->planner(), QStringLiteral("hpa"));
        EXPECT_TRUE(window->runToolBar()->tiles());
        EXPECT_TRUE(undo->canRedo());
        Q_EMIT window->runToolBar()->plannerChosen(QStringLiteral("edge-cloud"), false);
        EXPECT_FALSE(undo->canRedo()); // the history branched
        ASSERT_TRUE(spinUntil([&] { return state->plan()->result.planner == QLatin1String("edge-cloud"); }));
        undo->undo(); // back to hpa with tiles
        ASSERT_TRUE(spinUntil([&] { return state->plan()->result.planner == QLatin1String("hpa"); }));
        EXPECT_TRUE(window->runToolBar()->tiles());

        // The other actions: a link pair as one, a slowdown, a grid, a kill and a restart.
        Q_EMIT window->linksPanel()->linkChanged({QStringLiteral("edge<->cloud"), 50, 4, 0});
        Q_EMIT window->clusterPanel()->slowdownRequested(QStringLiteral("cloud"), 2);
        // The grid goes on the cuts in effect: first an edge range, whatever HPA chose under this machine's load.
        if (state->plan()->result.plan.p >= state->plan()->result.plan.q) {
            dragHandle(window->graphPanel(), 1, n);
            ASSERT_TRUE(spinUntil([&] { return state->plan()->result.plan.q == n; }));
        }
        ASSERT_LT(state->plan()->result.plan.p, state->plan()->result.plan.q) << "no edge range to tile";
        Q_EMIT window->tilePanel()->gridRequested(1, 2);
        Q_EMIT window->clusterPanel()->killRequested(QStringLiteral("edge2"));
        ASSERT_TRUE(spinUntil([&] { return window->clusterPanel()->isDead(QStringLiteral("edge2")); }));
        Q_EMIT window->clusterPanel()->restartRequested(QStringLiteral("edge2"));
        ASSERT_TRUE(spinUntil([&] { return !window->clusterPanel()->isDead(QStringLiteral("edge2")); }));
        const qsizetype after = state->data().requests.size();
        ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= after + 2; }));
        window->runToolBar()->runAction()->trigger(); // pause
        settle(console);

        const QStringList expected{
            QStringLiteral("planner hpa"),
            QStringLiteral("planner edge-cloud (no tiles)"), QStringLiteral("planner hpa"),
            QStringLiteral("edge<->cloud 50 Mbit/s, 4 ms"), QStringLiteral("cloud slowdown 2"),
            QStringLiteral("kill edge2"), QStringLiteral("restart edge2")};
        QStringList events;
        for (const core::RunEvent &e : state->data().events)
            if (e.kind == QLatin1String("operator"))
                events << e.label;
        for (const QString &action : expected)
            EXPECT_TRUE(events.contains(action)) << action.toStdString() << " not in " << events.join(QStringLiteral(" | ")).toStdString();
        const QString dragged = QStringLiteral("cuts %1, %2").arg(planned.p).arg(q); // with the grid in effect
        EXPECT_TRUE(std::any_of(events.cbegin(), events.cend(), [&](const QString &e) { return e.startsWith(dragged); }))
            << events.join(QStringLiteral(" | ")).toStdString();
        EXPECT_TRUE(std::any_of(events.cbegin(), events.cend(),
                                [](const QString &e) { return e.contains(QLatin1String("1x2 tiles")); }))
            << events.join(QStringLiteral(" | ")).toStdString();
        // Each is a marker on the plots.
        EXPECT_GE(window->plotsPanel()->figure(QStringLiteral("latency"))->markers().count(), events.size());

        // The recorded run replays with its causes: every action in the actions column of a request.
        const QString runDir = out.filePath(QStringLiteral("run"));
        QString error;
        ASSERT_TRUE(state->saveRun(runDir, &error)) << error.toStdString();
        const auto run = core::RunReader::read(runDir, &error);
        ASSERT_TRUE(run.has_value()) << error.toStdString();
        QString actions;
        for (const core::RequestRecord &r : run->requests)
            actions += r.actions + QLatin1Char(';');
        for (const QString &action : expected + QStringList{dragged})
            EXPECT_TRUE(actions.contains(QStringLiteral("operator: ") + action)) << action.toStdString();
        int operatorEvents = 0;
        for (const core::RunEvent &e : run->events)
            operatorEvents += e.kind == QLatin1String("operator");
        EXPECT_EQ(operatorEvents, events.size());
    }
    EXPECT_EQ(workers(), before);
}

TEST(ConsoleOperatorTest, ASessionFollowsItsExperimentAsTheHeadlessRunDoes)
{
    app();
    QTemporaryDir out;
    QString error;
    core::Experiment experiment = alexnetCluster();
    experiment.name = QStringLiteral("follows");
    experiment.requests.count = 12;
    core::ExperimentEvent drop;
    drop.atRequest = 4;
    drop.link = {QStringLiteral("edge<->cloud"), 10, 5, 0};
    drop.label = QStringLiteral("backbone drops");
    core::ExperimentEvent slow;
    slow.atRequest = 8;
    slow.action = core::ExperimentEvent::Action::SetSlowdown;
    slow.node = QStringLiteral("cloud");
    slow.factor = 3;
    experiment.timeline = {drop, slow};
    const QString file = out.filePath(QStringLiteral("follows.json"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(experiment.toJson(out.path())).toJson());
    }
    const auto headless = test::D3ctlProcess::run({QStringLiteral("run"), file, QStringLiteral("--out"),
                                                   out.filePath(QStringLiteral("headless"))}, 240000);
    ASSERT_TRUE(headless.succeeded());
    const auto reference = core::RunReader::read(out.filePath(QStringLiteral("headless")), &error);
    ASSERT_TRUE(reference.has_value()) << error.toStdString();

    Console console(test::TestFiles::d3worker());
    console.show();
    const auto reread = core::Experiment::load(file, &error);
    ASSERT_TRUE(reread.has_value()) << error.toStdString();
    ASSERT_TRUE(openReady(console, *reread));
    MainWindow *window = console.window();
    core::SessionState *state = console.state();
    EXPECT_EQ(window->runToolBar()->runAction()->text(), QStringLiteral("Run"));
    EXPECT_EQ(window->runToolBar()->progressText(), QStringLiteral("0 / 12"));
    EXPECT_EQ(window->plotsPanel()->followSeconds(), 0.0); // the whole run
    window->runToolBar()->runAction()->trigger();
    EXPECT_EQ(window->runToolBar()->runAction()->text(), QStringLiteral("Pause"));
    ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= 2; }));
    window->runToolBar()->runAction()->trigger(); // Pause
    settle(console);
    EXPECT_EQ(window->runToolBar()->runAction()->text(), QStringLiteral("Continue"));
    window->runToolBar()->runAction()->trigger(); // Continue
    ASSERT_TRUE(spinUntil([&] { return state->isFinished(); }, 120000));
    EXPECT_FALSE(window->runToolBar()->runAction()->isEnabled());
    EXPECT_EQ(window->runToolBar()->progressText(), QStringLiteral("12 / 12"));

    // The same file, the same recorded run: as many requests, and the timeline's actions before the same ones (the
    // headless run also measures the oracle's plan after a timeline event: probes, not requests of the run).
    const auto &requests = state->data().requests;
    QVector<core::RequestRecord> headlessRequests;
    for (const core::RequestRecord &r : reference->requests)
        if (!r.probe)
            headlessRequests << r;
    ASSERT_EQ(requests.size(), headlessRequests.size());
    for (qsizetype k = 0; k < requests.size(); ++k) {
        EXPECT_TRUE(requests[k].completed) << requests[k].failure.toStdString();
        EXPECT_EQ(requests[k].actions, headlessRequests[k].actions) << "request " << k;
    }
    EXPECT_EQ(requests[4].actions, QStringLiteral("timeline: backbone drops (edge<->cloud 10 Mbit/s, 5 ms)"));
    EXPECT_EQ(requests[8].actions, QStringLiteral("timeline: cloud slowdown 3"));
    auto timelineEvents = [](const QVector<core::RunEvent> &events) {
        QStringList labels;
        for (const core::RunEvent &e : events)
            if (e.kind == QLatin1String("timeline"))
                labels << e.label + QLatin1Char('/') + e.details.value(QStringLiteral("what")).toString();
        return labels;
    };
    EXPECT_EQ(timelineEvents(state->data().events), timelineEvents(reference->events));
}


} // namespace
} // namespace d3::ui
