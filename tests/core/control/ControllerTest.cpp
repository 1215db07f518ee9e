// The Controller on real d3worker processes: a worker that stalls and comes back is used again, restarting a local
// worker leaves the remote ones alone, and a retried request is counted.
#include "control/Controller.h"

#include "EventLoop.h"
#include "TestFiles.h"
#include "WorkerProcess.h"
#include "experiment/Experiment.h"
#include "record/RunSummary.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <signal.h>

namespace d3::core {
namespace {

Experiment experiment(const QString &extraNode = {})
{
    // The cloud is much the fastest and the links are fast: HPA sends the work there while it can.
    const QString json = QStringLiteral(R"({"format": "d3lab-experiment", "version": 1, "name": "controller-test",
        "nodes": [{"name": "device", "role": "device", "slowdown": 8}, {"name": "edge1", "role": "edge", "slowdown": 6},
                  %1{"name": "cloud", "role": "cloud"}],
        "model": "alexnet", "planner": "hpa", "profile": false,
        "links": {"device<->edge": {"mbps": 1000, "delay_ms": 0}, "edge<->cloud": {"mbps": 1000, "delay_ms": 0}},
        "requests": {"count": 100, "timeout_ms": 20000}})").arg(extraNode);
    QString error;
    const auto e = Experiment::parse(json.toUtf8(), QStringLiteral("controller-test.json"), QString(), &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return e.value_or(Experiment{});
}

struct Events {
    QStringList kinds;
    explicit Events(Controller &c)
    {
        QObject::connect(&c, &Controller::event, [this](const RunEvent &e) { kinds << e.kind; });
    }
};

TEST(ControllerTest, AStalledWorkerIsLostThenUsedAgainWhenItsHeartbeatsResume)
{
    test::EventLoop::app();
    Controller c;
    Events events(c);
    QString error;
    ASSERT_TRUE(c.start(experiment(), test::TestFiles::d3worker(), &error)) << error.toStdString();
    ASSERT_TRUE(c.loadModel(QStringLiteral("alexnet"), &error)) << error.toStdString();
    // Everything on the cloud (a manual plan stays until a worker it needs is lost), so that the request in flight
    // when the cloud freezes is one the cloud holds.
    ASSERT_TRUE(c.forcePlan(Plan{}, QStringLiteral("cloud only"), &error)) << error.toStdString();
    const RequestRecord before = c.runRequest();
    ASSERT_TRUE(before.completed) << before.failure.toStdString();
    ASSERT_GT(before.cloudMs, 0.0) << "the plan should use the cloud: " << before.plan.toStdString();

    const WorkerEndpoint *cloud = c.cluster().endpoint(QStringLiteral("cloud"));
    ASSERT_TRUE(cloud && cloud->pid > 0);
    ASSERT_EQ(::kill(pid_t(cloud->pid), SIGSTOP), 0); // frozen: heartbeats stop, the socket stays open
    QVector<RequestRecord> records;
    QElapsedTimer frozen;
    frozen.start();
    while (frozen.elapsed() < 3000)
        records << c.runRequest();
    ASSERT_EQ(::kill(pid_t(cloud->pid), SIGCONT), 0);
    EXPECT_EQ(c.nodes().value(QStringLiteral("cloud")), Controller::NodeState::Dead);
    // Back: reconnected, loaded and checked, planned in at a request boundary.
    for (int i = 0; i < 40 && !events.kinds.contains(QStringLiteral("node_back")); ++i) {
        records << c.runRequest();
        test::EventLoop::spinUntil([] { return false; }, 50);
    }
    EXPECT_TRUE(events.kinds.contains(QStringLiteral("node_lost")));
    EXPECT_TRUE(events.kinds.contains(QStringLiteral("node_back"))) << events.kinds.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(c.nodes().value(QStringLiteral("cloud")), Controller::NodeState::Ready);
    // And it computes again (which plan HPA picks depends on how busy this machine is; the cloud-only plan does not).
    ASSERT_TRUE(c.forcePlan(Plan{}, QStringLiteral("cloud only again"), &error)) << error.toStdString();
    records << c.runRequest();
    EXPECT_GT(records.last().cloudMs, 0.0) << "the cloud is not used again: " << records.last().plan.toStdString();
    int retried = 0;
    for (const RequestRecord &r : records) {
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
        retried += r.attempts > 1;
    }
    // The request in flight when the cloud froze was lost with it and sent again.
    EXPECT_EQ(retried, 1);
    const QJsonObject summary = RunSummary::make(experiment(), records, {});
    EXPECT_EQ(summary.value(QStringLiteral("retried")).toInt(), 1);
    EXPECT_EQ(summary.value(QStringLiteral("failed")).toInt(), 0);
}

TEST(ControllerTest, RestartingALocalWorkerLeavesTheRemoteWorkersConnected)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    const QString tokenFile = test::TestFiles::write(dir, QStringLiteral("token"), test::WorkerProcess::kToken);
    test::WorkerProcess remote({QStringLiteral("--name"), QStringLiteral("edge2")}); // started elsewhere
    ASSERT_NE(remote.port(), 0);
    qputenv("D3_TOKEN_FILE", tokenFile.toUtf8());
    Controller c;
    QString error;
    const bool started = c.start(
        experiment(QStringLiteral(R"({"name": "edge2", "role": "edge", "address": "127.0.0.1:%1"},)").arg(remote.port())),
        test::TestFiles::d3worker(), &error);
    qunsetenv("D3_TOKEN_FILE");
    ASSERT_TRUE(started) << error.toStdString();
    ASSERT_TRUE(c.loadModel(QStringLiteral("alexnet"), &error)) << error.toStdString();
    ASSERT_TRUE(c.forcePlan(Plan{}, QStringLiteral("cloud only"), &error)) << error.toStdString();

    ASSERT_TRUE(c.kill(QStringLiteral("edge1"), &error)) << error.toStdString();
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge1")), Controller::NodeState::Dead); // seen dead when kill returns
    ASSERT_TRUE(c.restart(QStringLiteral("edge1"), &error)) << error.toStdString();
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge1")), Controller::NodeState::Ready);
    // Once, restarting reconnected only the local workers and dropped every other.
    test::EventLoop::spinUntil([] { return false; }, 1500); // past a heartbeat timeout
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge2")), Controller::NodeState::Ready);
    // The remote worker still computes: with edge1 gone again, an edge-only plan can only run on it.
    ASSERT_TRUE(c.kill(QStringLiteral("edge1"), &error)) << error.toStdString();
    ASSERT_TRUE(c.usePlanner(QStringLiteral("edge-only"), false, &error)) << error.toStdString();
    const RequestRecord r = c.runRequest();
    ASSERT_TRUE(r.completed) << r.failure.toStdString();
    EXPECT_TRUE(c.deployment()->participants().contains(QStringLiteral("edge2")))
        << c.deployment()->plan().describe().toStdString();
}

} // namespace
} // namespace d3::core
