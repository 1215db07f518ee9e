// Control messages on real d3worker processes: a profile on request, and weights from the worker's own command line.
#include "DebianPython.h"
#include "Engine.h"
#include "EventLoop.h"
#include "TestFiles.h"
#include "graph/ModelParser.h"
#include "io/SyntheticInput.h"
#include "control/ClusterSession.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3 {
namespace {

using core::ClusterSession;
using test::EventLoop;

TEST(ClusterControlTest, AWorkerProfilesItsModelOnRequestWithProgress)
{
    EventLoop::app();
    auto specs = ClusterSession::fiveNodes();
    specs[0].slowdown = 3;
    ClusterSession h(specs, test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("alexnet"), 1, &why)) << why.toStdString();
    int lastDone = 0, layers = 0;
    std::optional<core::Profile> profile;
    QObject::connect(&h.client(), &core::ClusterClient::profileProgress, [&](const QString &, int done, int n) {
        EXPECT_EQ(done, lastDone + 1);
        lastDone = done;
        layers = n;
    });
    QObject::connect(&h.client(), &core::ClusterClient::profiled,
                     [&](const QString &, const core::Profile &p) { profile = p; });
    QObject::connect(&h.client(), &core::ClusterClient::profileFailed,
                     [&](const QString &, const QString &m) { why = m; });
    h.client().profile(QStringLiteral("device"), 1, 3);
    ASSERT_TRUE(EventLoop::spinUntil([&] { return profile.has_value() || !why.isEmpty(); }, 120000));
    ASSERT_TRUE(profile) << why.toStdString();
    EXPECT_EQ(layers, 22);
    EXPECT_EQ(lastDone, 22);
    EXPECT_EQ(profile->model, QStringLiteral("alexnet"));
    EXPECT_EQ(profile->ms.size(), 22);
    EXPECT_EQ(profile->slowdown, 3.0); // the device's padding is part of its profile
    EXPECT_EQ(profile->runs, 3);

    h.client().profile(QStringLiteral("device"), 1, 0); // out of range: refused with one line
    profile.reset();
    why.clear();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !why.isEmpty(); }, 10000));
    EXPECT_NE(why.indexOf(QStringLiteral("runs")), -1) << why.toStdString();
}

TEST(ClusterControlTest, ASlowdownSetByMessagePadsTheNextComputations)
{
    EventLoop::app();
    ClusterSession h(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("resnet18"), 1, &why)) << why.toStdString();
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("resnet18"));
    core::Plan deviceOnly;
    deviceOnly.p = deviceOnly.q = graph.layerCount();
    const auto planId = h.deploy(graph, deviceOnly, &why);
    ASSERT_TRUE(planId) << why.toStdString();
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 1);
    const auto before = h.infer(*planId, input, &why);
    ASSERT_TRUE(before) << why.toStdString();
    double factor = 0;
    QObject::connect(&h.client(), &core::ClusterClient::slowdownSet, [&](const QString &, double f) { factor = f; });
    h.client().setSlowdown(QStringLiteral("device"), 5);
    ASSERT_TRUE(EventLoop::spinUntil([&] { return factor > 0; }));
    EXPECT_EQ(factor, 5.0);
    const auto after = h.infer(*planId, input, &why);
    ASSERT_TRUE(after) << why.toStdString();
    // The worker pads each computation to the factor times what it really took (sleeping costs a little more).
    ASSERT_EQ(before->hops.size(), 1);
    ASSERT_EQ(after->hops.size(), 1);
    EXPECT_NEAR(before->hops[0].ms / before->hops[0].measuredMs, 1.0, 0.05);
    EXPECT_GE(after->hops[0].ms / after->hops[0].measuredMs, 4.95);
    EXPECT_LT(after->hops[0].ms / after->hops[0].measuredMs, 7.0); // generous: oversleeping on a busy machine
}

TEST(ClusterControlTest, AWeightsFileOnTheWorkersCommandLineReplacesTheSeed)
{
    EventLoop::app();
    QTemporaryDir dir;
    const test::PythonRun run = test::DebianPython::run(
        {test::TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/weight_files.py"), dir.path()}, 120000);
    ASSERT_TRUE(run.ok()) << run.describe().toStdString() << test::DebianPython::installHint().toStdString();
    const QString weights = dir.filePath(QStringLiteral("good.state_dict.pt"));
    QFile modelFile(test::TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/tiny_model.json"));
    ASSERT_TRUE(modelFile.open(QIODevice::ReadOnly)) << "tiny_model.json is missing";
    const QByteArray modelJson = modelFile.readAll();

    QVector<core::WorkerSpec> specs{{QStringLiteral("seeded"), QStringLiteral("device"), 1.0, 1, {}},
                                    {QStringLiteral("filed"), QStringLiteral("cloud"), 1.0, 1, weights}};
    ClusterSession h(specs, test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    core::LoadMessage load;
    load.modelJson = QString::fromUtf8(modelJson);
    load.seed = 1;
    QString why;
    const auto loaded = h.calls().load({QStringLiteral("seeded"), QStringLiteral("filed")}, load, 60000, &why);
    ASSERT_TRUE(loaded) << why.toStdString();
    EXPECT_EQ(loaded->value(QStringLiteral("filed")).weights, weights);
    EXPECT_EQ(loaded->value(QStringLiteral("seeded")).weights, QStringLiteral("seed 1"));

    core::GraphError graphError;
    const auto graph = core::ModelParser::parse(modelJson, QStringLiteral("tiny_model.json"), &graphError);
    ASSERT_TRUE(graph) << graphError.toString().toStdString();
    engine::WeightSource fromFile;
    fromFile.path = weights;
    const auto local = engine::Engine::create(*graph, fromFile, &why);
    ASSERT_TRUE(local) << why.toStdString();
    EXPECT_EQ(loaded->value(QStringLiteral("filed")).fingerprint, local->fingerprint());
    EXPECT_NE(loaded->value(QStringLiteral("seeded")).fingerprint, local->fingerprint());
}

} // namespace
} // namespace d3
