// The console sending a stream on a real local cluster: the stream's controls show the experiment's and change it
// between requests, the queue-depth strip shows requests at several places at once, the throughput shows, the
// timeline plays before the same request as headless, and the session records as a run d3ctl replays.
#include "ConsoleTestSupport.h"

#include "D3ctlProcess.h"
#include "TestFiles.h"
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/RunToolBar.h"
#include "console/StreamToolBar.h"
#include "control/SessionState.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QueueDepthPanel.h"
#include "record/RunReader.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace d3::ui {
namespace {

using namespace ConsoleTestSupport;

int inCluster(const core::StageDepths::Counts &c)
{
    int n = 0;
    for (int p = core::StageDepths::Device; p < core::StageDepths::Places; ++p)
        n += c[p];
    return n;
}

TEST(ConsoleStreamTest, AStreamRunsUnderItsControlsWithLiveDepthsAndRecordsAsARun)
{
    app();
    QTemporaryDir out;
    core::Experiment experiment = alexnetCluster();
    experiment.name = QStringLiteral("stream");
    experiment.requests.count = 30;
    experiment.stream.enabled = true;
    experiment.stream.arrivals = core::ExperimentStream::Arrivals::Closed;
    experiment.stream.inFlight = 3;
    core::ExperimentEvent slow;
    slow.atRequest = 10;
    slow.action = core::ExperimentEvent::Action::SetSlowdown;
    slow.node = QStringLiteral("cloud");
    slow.factor = 2;
    slow.label = QStringLiteral("cloud slows");
    experiment.timeline = {slow};

    Console console(test::TestFiles::d3worker());
    ASSERT_TRUE(openReady(console, experiment));
    MainWindow *window = console.window();
    core::SessionState *state = console.state();
    StreamToolBar *bar = window->streamToolBar();
    EXPECT_TRUE(bar->stream().enabled);
    EXPECT_EQ(bar->stream().inFlight, 3);
    EXPECT_EQ(bar->stream().arrivals, core::ExperimentStream::Arrivals::Closed);
    auto *pacing = window->runToolBar()->findChild<QDoubleSpinBox *>();
    ASSERT_NE(pacing, nullptr);
    EXPECT_FALSE(pacing->isEnabled()); // the stream sets the rate
    EXPECT_FALSE(pacing->isVisibleTo(window));

    int deepest = 0;
    QObject::connect(state, &core::SessionState::depthsChanged,
                     [&] { deepest = std::max(deepest, inCluster(state->depths())); });
    window->runToolBar()->runAction()->trigger();
    ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= 6; }));
    // The operator's bound and objective, by the controls, between requests.
    bar->findChild<QSpinBox *>(QStringLiteral("streamInFlight"))->setValue(2);
    auto *objective = bar->findChild<QComboBox *>(QStringLiteral("objective"));
    objective->setCurrentIndex(objective->findData(int(core::Objective::Kind::Throughput)));
    ASSERT_TRUE(spinUntil([&] {
        return state->stream().inFlight == 2 && state->objective().kind == core::Objective::Kind::Throughput;
    }));
    ASSERT_TRUE(spinUntil([&] { return state->isFinished(); }, 120000));
    spinUntil([] { return false; }, 300);

    const auto &requests = state->data().requests;
    ASSERT_EQ(requests.size(), 30);
    for (const core::RequestRecord &r : requests)
        EXPECT_TRUE(r.completed && !r.dropped) << r.failure.toStdString();
    EXPECT_TRUE(std::any_of(requests.cbegin(), requests.cend(), [](const core::RequestRecord &r) { return r.inFlight > 1; }));
    EXPECT_GT(deepest, 1) << "the depths never showed two requests in the cluster";
    QueueDepthPanel *strip = window->plotsPanel()->queueDepths();
    EXPECT_EQ(strip->depths(), core::StageDepths::Counts{}); // the stream ended
    EXPECT_GT(strip->throughput(), 0.0);
    EXPECT_EQ(requests[10].actions, QStringLiteral("timeline: cloud slows (cloud slowdown 2)"));
    for (const QString &action : {QStringLiteral("stream closed, 2 in flight"), QStringLiteral("objective throughput")}) {
        EXPECT_EQ(std::count_if(requests.cbegin(), requests.cend(),
                                [&](const core::RequestRecord &r) {
                                    return r.actions.contains(QStringLiteral("operator: ") + action);
                                }),
                  1)
            << action.toStdString();
        EXPECT_TRUE(std::any_of(state->data().events.cbegin(), state->data().events.cend(), [&](const core::RunEvent &e) {
            return e.kind == QLatin1String("operator") && e.label == action;
        })) << action.toStdString();
    }

    // Recorded as a run: the stream's columns read back, and d3ctl replay draws it.
    QString error;
    const QString runDir = out.filePath(QStringLiteral("run"));
    ASSERT_TRUE(state->saveRun(runDir, &error)) << error.toStdString();
    const auto read = core::RunReader::read(runDir, &error);
    ASSERT_TRUE(read.has_value()) << error.toStdString();
    ASSERT_EQ(read->requests.size(), requests.size());
    for (qsizetype k = 0; k < requests.size(); ++k)
        EXPECT_EQ(read->requests[k].inFlight, requests[k].inFlight) << k;
    const auto experimentRead = core::Experiment::load(QDir(runDir).filePath(QStringLiteral("experiment.json")), &error);
    ASSERT_TRUE(experimentRead.has_value()) << error.toStdString();
    EXPECT_TRUE(experimentRead->stream.enabled);
    EXPECT_EQ(experimentRead->stream.inFlight, 2); // the stream as it ran last
    EXPECT_EQ(experimentRead->objective, core::Objective::Kind::Throughput);
    const auto replay = test::D3ctlProcess::run({QStringLiteral("replay"), runDir, QStringLiteral("--formats"),
                                                 QStringLiteral("png")}, 120000);
    EXPECT_TRUE(replay.succeeded());
    EXPECT_TRUE(QFile::exists(QDir(runDir).filePath(QStringLiteral("latency.png"))));
}

// The README's stream picture comes from this file: it opens as a stream on a plan that keeps every tier busy.
TEST(ConsoleStreamTest, TheShippedStreamExperimentIsAStream)
{
    QString error;
    const auto e = core::Experiment::load(test::TestFiles::sourceDir() + QStringLiteral("/experiments/console-stream.json"),
                                          &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_TRUE(e->stream.enabled);
    EXPECT_TRUE(e->stream.openLoop());
    EXPECT_GT(e->stream.inFlight, 1);
    EXPECT_EQ(e->planners.value(0), QStringLiteral("manual"));
    EXPECT_GT(e->plan.p, 0);
    EXPECT_LT(e->plan.p, e->plan.q);
    EXPECT_TRUE(e->plan.tiled());
}

} // namespace
} // namespace d3::ui
