// The worker's logic as a library (d3::worker), in one process: three WorkerServers (device, edge, cloud) on
// loopback, driven by the controller's client, route a tiled three-way plan and report every hop, with no d3worker
// process started.
#include "Engine.h"
#include "EventLoop.h"
#include "Exactness.h"
#include "TestFiles.h"
#include "WorkerServer.h"
#include "control/BlockingClient.h"
#include "control/ClusterClient.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "tiling/StackFinder.h"

#include <gtest/gtest.h>

#include <memory>

namespace d3 {
namespace {

const QByteArray kToken("in-process worker test token 0123456789");

TEST(WorkerServerTest, ThreeWorkersInOneProcessRouteATiledPlanAndReportEveryHop)
{
    test::EventLoop::app();
    engine::Engine::setThreads(1);
    std::vector<std::unique_ptr<worker::WorkerServer>> servers;
    QVector<core::WorkerEndpoint> endpoints;
    for (const auto &[name, role] : {std::pair{"device", "device"}, {"edge1", "edge"}, {"edge2", "edge"},
                                     {"cloud", "cloud"}}) {
        servers.push_back(std::make_unique<worker::WorkerServer>(QString::fromLatin1(role), QString::fromLatin1(name),
                                                                 kToken, 1.0, QString(), 1));
        QString error;
        ASSERT_TRUE(servers.back()->listen(QHostAddress::LocalHost, 0, &error)) << error.toStdString();
        endpoints.append({QString::fromLatin1(name), QString::fromLatin1(role), QStringLiteral("127.0.0.1"),
                          servers.back()->port(), 0});
    }
    core::ClusterClient client(kToken);
    core::BlockingClient calls(client);
    ASSERT_TRUE(calls.connectAll(endpoints, 10000).isEmpty());
    const QString model = QStringLiteral("alexnet");
    core::LoadMessage load;
    load.model = model;
    load.seed = 1;
    QString why;
    const auto loaded = calls.load(client.readyNodes(), load, 60000, &why);
    ASSERT_TRUE(loaded) << why.toStdString();

    const core::ModelGraph graph = test::TestFiles::builtin(model);
    const int n = graph.layerCount();
    const auto stack = core::StackFinder::leading(graph, 0, n, &why);
    ASSERT_TRUE(stack) << why.toStdString();
    core::Plan plan;
    plan.p = 0;
    plan.stackEnd = stack->end;
    plan.q = std::min(n, stack->end + 2);
    plan.rows = 2;
    plan.cols = 1;
    plan.tileNodes = {0, 1};
    const auto d = core::Deployment::make(graph, 1, plan, QStringLiteral("device"),
                                          {QStringLiteral("edge1"), QStringLiteral("edge2")}, QStringLiteral("cloud"),
                                          client.addresses(), &why);
    ASSERT_TRUE(d) << why.toStdString();
    ASSERT_TRUE(calls.deploy(*d, 10000, &why)) << why.toStdString();
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 7);
    const auto result = calls.infer(1, input, 60000, &why);
    ASSERT_TRUE(result) << why.toStdString();
    EXPECT_EQ(result->hops.size(), d->expectedReports());

    std::optional<core::HostTensor> monolithic;
    core::BlockingClient::aside([&] {
        const auto local = engine::Engine::create(graph, engine::WeightSource{}, &why);
        if (local)
            monolithic = local->forward(input, &why);
    });
    ASSERT_TRUE(monolithic) << why.toStdString();
    test::Exactness::expectContract(core::TensorComparison::compare(result->output, *monolithic),
                                    "alexnet tiled in one process");
}

} // namespace
} // namespace d3
