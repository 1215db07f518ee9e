// The Controller on real d3worker processes: a worker that stalls and comes back is used again, restarting a local
// worker leaves the remote ones alone, a remote worker is killed and restarted through the protocol (its supervisor
// starting it again), and a retried request is counted.
#include "control/Controller.h"

#include "EventLoop.h"
#include "TestFiles.h"
#include "WorkerProcess.h"
#include "experiment/Experiment.h"
#include "record/RunSummary.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTcpServer>
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

/// A free loopback port (bound and released).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

TEST(ControllerTest, ARemoteWorkerIsKilledByExitAndRestartedByItsSupervisor)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    const QString tokenFile = test::TestFiles::write(dir, QStringLiteral("token"), test::WorkerProcess::kToken);
    const quint16 port = freePort();
    ASSERT_NE(port, 0);
    // Started elsewhere, at its own padding, under a supervisor that starts it again when it fails (as systemd's
    // Restart=on-failure or the virtual lab's loop): the worker's options go last, after the script's. Each worker
    // dies with the supervisor (setpriv --pdeathsig), which the test kills at its end.
    const QString supervise = QStringLiteral("while :; do setpriv --pdeathsig KILL \"$@\" --name edge2 --slowdown 2 "
                                             "--listen 127.0.0.1:%1; "
                                             "status=$?; [ $status = 3 ] || exit $status; sleep 0.2; done").arg(port);
    test::WorkerProcess remote({QStringLiteral("-c"), supervise, QStringLiteral("supervisor")}, QStringLiteral("bash"));
    ASSERT_EQ(remote.port(), port) << remote.output().toStdString();
    qputenv("D3_TOKEN_FILE", tokenFile.toUtf8());
    Controller c;
    Events events(c);
    QString error;
    const bool started = c.start(
        experiment(QStringLiteral(R"({"name": "edge2", "role": "edge", "address": "127.0.0.1:%1"},)").arg(port)),
        test::TestFiles::d3worker(), &error);
    qunsetenv("D3_TOKEN_FILE");
    ASSERT_TRUE(started) << error.toStdString();
    ASSERT_TRUE(c.loadModel(QStringLiteral("alexnet"), &error)) << error.toStdString();
    EXPECT_EQ(c.slowdown(QStringLiteral("edge2")), 2.0); // its own padding, as it reported it, not reset to 1
    ASSERT_TRUE(c.usePlanner(QStringLiteral("edge-only"), false, &error)) << error.toStdString();
    ASSERT_TRUE(c.kill(QStringLiteral("edge1"), &error)) << error.toStdString(); // the edge work can only go to edge2

    auto startsOfWorker = [&] { return remote.output().count(QStringLiteral("d3worker edge2 (edge) listening")); };
    // Kill: an Exit; the controller sees it lost at once; its supervisor starts it again, and the next request
    // boundaries readmit it.
    ASSERT_TRUE(c.kill(QStringLiteral("edge2"), &error)) << error.toStdString();
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge2")), Controller::NodeState::Dead);
    EXPECT_TRUE(test::EventLoop::spinUntil(
        [&] { return remote.output().contains(QStringLiteral("d3worker edge2: exits with status 3: asked by")); }, 5000));
    // Requests meanwhile fail at once (a participant is lost, no edge node to plan with), never at their timeout.
    QDeadlineTimer back(30000);
    while (!back.hasExpired() && c.nodes().value(QStringLiteral("edge2")) != Controller::NodeState::Ready) {
        const RequestRecord r = c.runRequest();
        EXPECT_FALSE(r.failure.contains(QStringLiteral("no result after"))) << r.failure.toStdString();
        test::EventLoop::spinUntil([] { return false; }, 100);
    }
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge2")), Controller::NodeState::Ready);
    EXPECT_TRUE(test::EventLoop::spinUntil([&] { return startsOfWorker() == 2; }, 5000)) << startsOfWorker();
    EXPECT_TRUE(events.kinds.contains(QStringLiteral("node_back"))) << events.kinds.join(QLatin1Char(' ')).toStdString();

    // Restart: an Exit, then waiting until its supervisor has started it again, then readmitted at its padding.
    ASSERT_TRUE(c.restart(QStringLiteral("edge2"), &error)) << error.toStdString();
    EXPECT_EQ(c.nodes().value(QStringLiteral("edge2")), Controller::NodeState::Ready);
    EXPECT_TRUE(test::EventLoop::spinUntil([&] { return startsOfWorker() == 3; }, 5000)) << startsOfWorker();
    EXPECT_EQ(c.slowdown(QStringLiteral("edge2")), 2.0);
    static const QRegularExpression anyOtherPadding(QStringLiteral("slowdown (?!2\\b)\\d"));
    EXPECT_FALSE(remote.output().contains(anyOtherPadding)) << remote.output().toStdString();
    const RequestRecord r = c.runRequest();
    ASSERT_TRUE(r.completed) << r.failure.toStdString();
    EXPECT_TRUE(c.deployment()->participants().contains(QStringLiteral("edge2")))
        << c.deployment()->plan().describe().toStdString();
}

} // namespace
} // namespace d3::core
