// The console's session on real d3worker processes: opened off the GUI thread, requests streaming, the operator's
// plan and link changes reaching the workers, a dying worker, and nothing left behind.
#include "LiveSessionSupport.h"

#include "control/ActionLabel.h"
#include "control/SessionState.h"

#include "EventLoop.h"
#include "TestFiles.h"
#include "experiment/ExperimentPlan.h"

#include <QThread>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

using namespace LiveSessionSupport;

TEST(LiveSessionTest, RunsOffTheGuiThreadAndCarriesOutTheOperatorsCommands)
{
    app();
    const QVector<qint64> before = workers();
    {
        LiveSession session(test::TestFiles::d3worker());
        Heard heard(session);
        session.open(alexnetCluster());
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.ready || !heard.failures.isEmpty(); }, 120000));
        ASSERT_TRUE(heard.ready) << heard.failures.join(QLatin1Char('\n')).toStdString();
        ASSERT_EQ(heard.threads.size(), 1);
        EXPECT_NE(heard.threads.first(), QThread::currentThreadId()); // the controller works off the GUI thread
        EXPECT_EQ(workers().size(), before.size() + 4);
        ASSERT_TRUE(heard.plan.has_value());
        EXPECT_EQ(heard.plan->planner, QStringLiteral("hpa"));

        session.setRunning(true);
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= 5; }, 60000));
        for (const RequestRecord &r : heard.requests)
            EXPECT_TRUE(r.completed) << r.failure.toStdString();

        // The operator's plan: everything on the edge, untiled.
        const int n = heard.layers;
        ASSERT_GT(n, 0);
        session.forcePlan(ExperimentPlan{0, n}, QStringLiteral("test"));
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.plan->planner == QLatin1String("manual"); }, 30000));
        EXPECT_EQ(heard.plan->plan.p, 0);
        EXPECT_EQ(heard.plan->plan.q, n);
        const int sent = heard.requests.size();
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= sent + 3; }, 60000));
        EXPECT_EQ(heard.requests.last().plan, heard.plan->plan.describe());
        EXPECT_EQ(heard.requests.last().cloudMs, 0.0);
        // The operator's plan is on the record: an "operator" event, and the first request after it says so.
        const auto manual = std::find_if(heard.events.cbegin(), heard.events.cend(),
                                         [](const RunEvent &e) { return e.kind == QLatin1String("operator"); });
        ASSERT_NE(manual, heard.events.cend());
        EXPECT_EQ(manual->label, QStringLiteral("cuts 0, %1").arg(n));
        EXPECT_EQ(manual->details.value(QStringLiteral("action")).toString(), QStringLiteral("force_plan"));
        const auto firstManual = std::find_if(heard.requests.cbegin(), heard.requests.cend(),
                                              [](const RequestRecord &r) { return r.planner == QLatin1String("manual"); });
        ASSERT_NE(firstManual, heard.requests.cend());
        EXPECT_EQ(firstManual->actions, QStringLiteral("operator: cuts 0, %1").arg(n));
        EXPECT_TRUE(heard.requests.last().actions.isEmpty());

        // A link change reaches the sending worker: the raw input now takes at least bytes / rate to go up.
        session.setLink({QStringLiteral("device->edge"), 2, 0, 0}); // a tier: device -> edge1 and device -> edge2
        const int sentBefore = heard.requests.size();
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= sentBefore + 3; }, 60000));
        const RequestRecord &slow = heard.requests.last();
        ASSERT_TRUE(slow.completed) << slow.failure.toStdString();
        EXPECT_GE(slow.uplinkMs, slow.uplinkBytes * 8.0 / 2e3 * 0.97) << slow.uplinkBytes << " bytes";
        // The request in flight when the operator acted ran as it was; the next one's record names the change.
        const auto changed = std::find_if(heard.requests.cbegin() + sentBefore, heard.requests.cend(),
                                          [](const RequestRecord &r) { return !r.actions.isEmpty(); });
        ASSERT_NE(changed, heard.requests.cend());
        EXPECT_LE(changed - heard.requests.cbegin(), sentBefore + 1);
        EXPECT_EQ(changed->actions, QStringLiteral("operator: device->edge 2 Mbit/s, 0 ms"));

        // A worker that dies turns dead; the next requests go on without it.
        session.usePlanner(QStringLiteral("hpa"), true);
        session.setLink({QStringLiteral("device->edge1"), 200, 1, 0});
        session.setLink({QStringLiteral("device->edge2"), 200, 1, 0});
        session.kill(QStringLiteral("edge2"));
        ASSERT_TRUE(test::EventLoop::spinUntil(
            [&] { return heard.states.value(QStringLiteral("edge2")) == Controller::NodeState::Dead; }, 30000));
        const int afterKill = heard.requests.size();
        ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= afterKill + 3; }, 60000));
        EXPECT_TRUE(heard.requests.last().completed) << heard.requests.last().failure.toStdString();

        EXPECT_TRUE(session.shutdown());
        EXPECT_EQ(workers(), before);
    }
    EXPECT_EQ(workers(), before);
}

// A console session follows its experiment as a headless run does: its count of requests (then finished), its
// timeline by request number; Pause stops between requests and Continue goes on from there.
TEST(LiveSessionTest, FollowsTheExperimentsCountAndTimelineWithPauseAndContinue)
{
    app();
    Experiment experiment = alexnetCluster();
    experiment.requests.count = 8;
    ExperimentEvent drop;
    drop.atRequest = 5;
    drop.link = {QStringLiteral("edge<->cloud"), 10, 3, 0};
    drop.label = QStringLiteral("backbone drops");
    experiment.timeline = {drop};
    LiveSession session(test::TestFiles::d3worker());
    Heard heard(session);
    // Opened because the operator removed a node (the console reopens the changed experiment): that is its first
    // event and the first request's record says so.
    session.open(experiment, ActionLabel::details(QStringLiteral("remove_node"), ActionLabel::removeNode(QStringLiteral("edge3"))));
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.ready || !heard.failures.isEmpty(); }, 120000));
    ASSERT_TRUE(heard.ready) << heard.failures.join(QLatin1Char('\n')).toStdString();
    ASSERT_FALSE(heard.events.isEmpty());
    EXPECT_EQ(heard.events.first().kind, QStringLiteral("operator"));
    EXPECT_EQ(heard.events.first().label, QStringLiteral("remove node edge3"));
    EXPECT_EQ(heard.events.first().details.value(QStringLiteral("action")).toString(), QStringLiteral("remove_node"));

    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= 3; }, 60000));
    EXPECT_EQ(heard.requests.first().actions, QStringLiteral("operator: remove node edge3"));
    session.setRunning(false); // Pause: the request in flight ends, no other starts
    test::EventLoop::spinUntil([] { return false; }, 1500);
    const qsizetype paused = heard.requests.size();
    ASSERT_LT(paused, 8);
    test::EventLoop::spinUntil([] { return false; }, 1000);
    EXPECT_EQ(heard.requests.size(), paused);
    EXPECT_EQ(heard.finished, -1);

    session.setRunning(true); // Continue: from where it paused, to the experiment's count, then finished
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.finished >= 0; }, 60000));
    EXPECT_EQ(heard.finished, 8);
    test::EventLoop::spinUntil([] { return false; }, 500);
    ASSERT_EQ(heard.requests.size(), 8);
    for (const RequestRecord &r : heard.requests)
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
    // The timeline fired once, just before request 5, and that request's record names it.
    const auto fired = std::count_if(heard.events.cbegin(), heard.events.cend(),
                                     [](const RunEvent &e) { return e.kind == QLatin1String("timeline"); });
    EXPECT_EQ(fired, 1);
    EXPECT_EQ(heard.requests.at(5).actions,
              QStringLiteral("timeline: backbone drops (edge<->cloud 10 Mbit/s, 3 ms)"));
    for (int k : {1, 4, 6})
        EXPECT_TRUE(heard.requests.at(k).actions.isEmpty()) << k;
    session.setRunning(true); // nothing more to send
    test::EventLoop::spinUntil([] { return false; }, 500);
    EXPECT_EQ(heard.requests.size(), 8);
    EXPECT_TRUE(session.shutdown());
}

// Once: opening another experiment while a request was in flight appended that request to the new session.
TEST(LiveSessionTest, AResultOfTheSessionBeforeNeverReachesTheNewOne)
{
    app();
    LiveSession session(test::TestFiles::d3worker());
    SessionState state(&session);
    Experiment first = alexnetCluster();
    first.planners = {QStringLiteral("edge-only")};
    state.reset(first);
    session.open(first);
    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return state.data().requests.size() >= 3; }, 120000));
    // Requests run back to back: one is in flight when the next experiment is opened.
    Experiment second = alexnetCluster();
    second.name = QStringLiteral("second");
    second.planners = {QStringLiteral("cloud-only")};
    bool ready = false;
    QObject::connect(&state, &SessionState::ready, [&] { ready = true; });
    state.reset(second);
    session.open(second);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return ready; }, 120000));
    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return state.data().requests.size() >= 3; }, 120000));
    for (const RequestRecord &r : state.data().requests)
        EXPECT_EQ(r.planner, QStringLiteral("cloud-only")) << "a request of the session before: " << r.plan.toStdString();
    for (const RunEvent &e : state.data().events)
        EXPECT_FALSE(e.label.contains(QStringLiteral("edge-only"))) << e.label.toStdString();
    EXPECT_TRUE(session.shutdown());
}

TEST(LiveSessionTest, AnExperimentThatCannotStartIsOneLine)
{
    app();
    LiveSession session(QStringLiteral("/nonexistent/d3worker"));
    Heard heard(session);
    session.open(alexnetCluster());
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return !heard.failures.isEmpty(); }, 30000));
    EXPECT_FALSE(heard.ready);
    EXPECT_EQ(heard.failures.first().count(QLatin1Char('\n')), 0);
    EXPECT_TRUE(heard.failures.first().contains(QStringLiteral("/nonexistent/d3worker")))
        << heard.failures.first().toStdString();
}

} // namespace
} // namespace d3::core
