// A whole cluster of real d3worker processes (1 device, 3 edge, 1 cloud; and ten) on loopback: every built-in model
// under several plans, tiled ones included, gives the monolithic forward's output, and tiles spread over eight edge
// nodes do too.
#include "Engine.h"
#include "EventLoop.h"
#include "Exactness.h"
#include "control/ClusterSession.h"
#include "control/CriticalPath.h"
#include "TestFiles.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "tiling/StackFinder.h"

#include <QElapsedTimer>
#include <QSet>

#include <gtest/gtest.h>

#include <csignal>
#include <iostream>

namespace d3 {
namespace {

using core::ClusterSession;
using test::EventLoop;

struct NamedPlan {
    std::string name;
    core::Plan plan;
};

core::Plan untiled(int p, int q, int edgeNode = 0)
{
    core::Plan plan;
    plan.p = p;
    plan.q = q;
    plan.edgeNode = edgeNode;
    return plan;
}

core::Plan tiled(const core::FusedStack &stack, int q, int rows, int cols, QVector<int> nodes, int edgeNode)
{
    core::Plan plan = untiled(stack.begin, q, edgeNode);
    plan.stackEnd = stack.end;
    plan.rows = rows;
    plan.cols = cols;
    plan.tileNodes = std::move(nodes);
    return plan;
}

/// Device-only, cloud-only, a three-way split, tiles from the raw input (2x2 on three nodes, edge layers after
/// the stack) and tiles in the middle of the model straight to the cloud (3x1, the stitcher computing one).
std::vector<NamedPlan> plansFor(const core::ModelGraph &graph)
{
    const int n = graph.layerCount();
    std::vector<NamedPlan> plans{{"device-only", untiled(n, n)},
                                 {"cloud-only", untiled(0, 0)},
                                 {"split", untiled(n / 3, 2 * n / 3, 1)}};
    QString why;
    if (const auto first = core::StackFinder::leading(graph, 0, n, &why))
        plans.push_back({"tiles-from-input", tiled(*first, std::min(n, first->end + 2), 2, 2, {0, 1, 2, 0}, 0)});
    for (int p = n / 4; p < n; ++p) {
        const auto stacks = core::StackFinder::candidates(graph, p, n);
        if (!stacks.isEmpty() && graph.tensorShape(stacks.back().output).dims.value(1) >= 3) {
            plans.push_back({"tiles-to-cloud", tiled(stacks.back(), stacks.back().end, 3, 1, {0, 1, 2}, 2)});
            break;
        }
    }
    return plans;
}

/// The monolithic forward of input on a one-thread engine (kept in *local), computed aside so the event loop keeps
/// the cluster's connections alive; nullopt with *why.
std::optional<core::HostTensor> reference(const core::ModelGraph &graph, const core::HostTensor &input,
                                          std::unique_ptr<engine::Engine> *local, QString *why)
{
    std::optional<core::HostTensor> out;
    core::BlockingClient::aside([&] {
        engine::Engine::setThreads(1);
        *local = engine::Engine::create(graph, engine::WeightSource{}, why);
        if (*local)
            out = (*local)->forward(input, why);
    });
    return out;
}

class ClusterModelTest : public ::testing::TestWithParam<std::string>
{
};

TEST_P(ClusterModelTest, EveryPlanGivesTheMonolithicOutput)
{
    const QString model = QString::fromStdString(GetParam());
    const core::ModelGraph graph = test::TestFiles::builtin(model);
    EventLoop::app();
    ClusterSession harness(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(harness.ok()) << harness.error().toStdString();
    QString why;
    const auto fingerprint = harness.loadEverywhere(model, 1, &why);
    ASSERT_TRUE(fingerprint) << why.toStdString();

    std::unique_ptr<engine::Engine> local;
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 7);
    const std::optional<core::HostTensor> monolithic = reference(graph, input, &local, &why);
    ASSERT_TRUE(monolithic) << why.toStdString();
    EXPECT_EQ(*fingerprint, local->fingerprint());

    const auto plans = plansFor(graph);
    ASSERT_GE(plans.size(), 4u) << "no tileable stack found in " << GetParam();
    for (const NamedPlan &np : plans) {
        SCOPED_TRACE(np.name + " " + np.plan.describe().toStdString());
        const auto planId = harness.deploy(graph, np.plan, &why);
        ASSERT_TRUE(planId) << why.toStdString();
        const auto result = harness.infer(*planId, input, &why);
        ASSERT_TRUE(result) << why.toStdString();
        test::Exactness::expectContract(core::TensorComparison::compare(result->output, *monolithic),
                                        GetParam() + " " + np.name + " on the cluster");
        std::cout << GetParam() << " " << np.name << ": " << result->hops.size() << " hop reports, "
                  << result->bytes() << " bytes between workers, " << result->endToEndMs << " ms end to end\n";
        if (np.plan.tiled()) { // the same tiles computed in this process (on another thread count than the workers')
            std::optional<core::HostTensor> tiledLocal;
            core::BlockingClient::aside([&] {
                auto geometry = core::TileGeometry::build(graph, *core::StackFinder::leading(graph, np.plan.p, np.plan.stackEnd, &why),
                                                          np.plan.rows, np.plan.cols, &why);
                if (auto out = geometry ? local->forwardTiled(input, np.plan.p, np.plan.q, *geometry, &why) : std::nullopt)
                    tiledLocal = out->output;
            });
            ASSERT_TRUE(tiledLocal) << why.toStdString();
            test::Exactness::expectContract(core::TensorComparison::compare(result->output, *tiledLocal),
                                            GetParam() + " " + np.name + " on the cluster against the same tiles here");
        }
        // Every computation and every transfer between two workers reported once.
        const auto d = core::Deployment::make(graph, *planId, np.plan, QStringLiteral("device"),
                                              {QStringLiteral("edge1"), QStringLiteral("edge2"), QStringLiteral("edge3")},
                                              QStringLiteral("cloud"), harness.client().addresses(), &why);
        ASSERT_TRUE(d);
        EXPECT_EQ(result->hops.size(), d->expectedReports());
        // The backbone carries the tensors crossing q (plus framing) whenever the cloud computes.
        qint64 backbone = 0;
        for (const QString &edge : d->edges())
            backbone += result->bytesBetween(edge, QStringLiteral("cloud"));
        const qint64 crossing = np.plan.q == 0 ? graph.inputShape().elements() // the raw input: one byte a value
                                               : graph.cut(np.plan.q).bytes;
        if (np.plan.q < graph.layerCount())
            EXPECT_GT(backbone, crossing);
        else
            EXPECT_EQ(backbone, 0);

        // The same plan with its transfers compressed: one codec on every link, then a different codec on each
        // link (so relays decode and encode again). The output meets the contract against the raw run's and the
        // monolithic one (bit-identity with the raw run is reported: the codecs are lossless, but the ranges are
        // computed again), and every compressed message is decoded and reported once.
        using core::WireCodec;
        const std::vector<std::array<WireCodec, core::kPlanLinks>> codecSets{
            {WireCodec::ShuffleZstd, WireCodec::ShuffleZstd, WireCodec::ShuffleZstd, WireCodec::ShuffleZstd,
             WireCodec::ShuffleZstd},
            {WireCodec::ZeroValue, WireCodec::ShuffleZstd, WireCodec::ShuffleZstd, WireCodec::ZeroValue,
             WireCodec::None}};
        for (const auto &codecs : codecSets) {
            core::Plan compressed = np.plan;
            compressed.codecs = codecs;
            SCOPED_TRACE(compressed.describeCodecs().toStdString());
            const auto codecPlan = harness.deploy(graph, compressed, &why);
            ASSERT_TRUE(codecPlan) << why.toStdString();
            const auto again = harness.infer(*codecPlan, input, &why);
            ASSERT_TRUE(again) << why.toStdString();
            const core::TensorComparison same = core::TensorComparison::compare(again->output, result->output);
            test::Exactness::expectContract(same, GetParam() + " " + np.name + " compressed against raw on the cluster");
            std::cout << GetParam() << " " << np.name << " " << compressed.describeCodecs().toStdString()
                      << ": bit-identical to the raw run: " << (same.bitExact ? "yes" : "no") << "\n";
            test::Exactness::expectContract(core::TensorComparison::compare(again->output, *monolithic),
                                            GetParam() + " " + np.name + " compressed on the cluster");
            const auto cd = core::Deployment::make(graph, *codecPlan, compressed, QStringLiteral("device"),
                                                   {QStringLiteral("edge1"), QStringLiteral("edge2"), QStringLiteral("edge3")},
                                                   QStringLiteral("cloud"), harness.client().addresses(), &why);
            ASSERT_TRUE(cd);
            EXPECT_EQ(again->hops.size(), cd->expectedReports());
            for (const core::HopReport &h : again->hops) {
                if (h.kind != core::HopReport::Kind::Transfer)
                    continue;
                EXPECT_EQ(h.codec, cd->codecOf(h.node, h.to)) << h.node.toStdString() << "->" << h.to.toStdString();
                EXPECT_GT(h.rawBytes, 0);
                EXPECT_LE(h.encodeMs, h.ms);
            }
        }
    }
    test::Exactness::recordCounts();
}

INSTANTIATE_TEST_SUITE_P(Builtin, ClusterModelTest, ::testing::ValuesIn(test::TestFiles::builtinModelNames()),
                         [](const auto &info) { return info.param; });

QVector<core::WorkerSpec> tenNodes(QStringList *edges)
{
    QVector<core::WorkerSpec> specs{{QStringLiteral("device"), QStringLiteral("device"), 1.0, 1, {}}};
    for (int k = 1; k <= 8; ++k) {
        edges->append(QStringLiteral("edge%1").arg(k));
        specs.append({edges->last(), QStringLiteral("edge"), 1.0, 1, {}});
    }
    specs.append({QStringLiteral("cloud"), QStringLiteral("cloud"), 1.0, 1, {}});
    return specs;
}

// Ten workers (device, edge1..edge8, cloud, as the virtual lab's `up --edges 8`): 4 x 4, 3 x 3 and 2 x 4 tiles over
// the eight edge nodes give the monolithic output within the exactness contract, every hop reports once, and each
// request's critical path (CriticalPath) lies between its longest step and the sum of all its steps.
TEST(ClusterManyNodesTest, TilesOverEightEdgeNodesMeetTheContract)
{
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("resnet18"));
    test::EventLoop::app();
    QStringList edges;
    core::ClusterSession harness(tenNodes(&edges), test::TestFiles::d3worker());
    ASSERT_TRUE(harness.ok()) << harness.error().toStdString();
    QString why;
    ASSERT_TRUE(harness.loadEverywhere(graph.name(), 1, &why)) << why.toStdString();

    std::unique_ptr<engine::Engine> local;
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 7);
    const std::optional<core::HostTensor> monolithic = reference(graph, input, &local, &why);
    ASSERT_TRUE(monolithic) << why.toStdString();

    // layer1 of resnet18, [0, 17): 56 x 56 out, residual blocks inside; the cloud runs the rest.
    const auto stack = core::StackFinder::leading(graph, 0, 17, &why);
    ASSERT_TRUE(stack) << why.toStdString();
    ASSERT_EQ(stack->end, 17);
    for (const auto &[rows, cols] : {std::pair{4, 4}, std::pair{3, 3}, std::pair{2, 4}}) {
        SCOPED_TRACE(std::to_string(rows) + "x" + std::to_string(cols));
        core::Plan plan;
        plan.p = 0;
        plan.q = plan.stackEnd = stack->end;
        plan.rows = rows;
        plan.cols = cols;
        for (int t = 0; t < rows * cols; ++t)
            plan.tileNodes << t % 8;
        plan.edgeNode = 0;
        const auto planId = harness.deploy(graph, plan, &why);
        ASSERT_TRUE(planId) << why.toStdString();
        const auto result = harness.infer(*planId, input, &why);
        ASSERT_TRUE(result) << why.toStdString();
        test::Exactness::expectContract(core::TensorComparison::compare(result->output, *monolithic),
                                        "resnet18 " + std::to_string(rows) + "x" + std::to_string(cols)
                                            + " over 8 edge nodes");
        const auto d = core::Deployment::make(graph, *planId, plan, QStringLiteral("device"), edges,
                                              QStringLiteral("cloud"), harness.client().addresses(), &why);
        ASSERT_TRUE(d) << why.toStdString();
        EXPECT_EQ(result->hops.size(), d->expectedReports());
        QSet<QString> computing;
        double longest = 0, all = 0;
        for (const core::HopReport &h : result->hops) {
            if (h.kind == core::HopReport::Kind::Compute && h.stage == core::StageKind::Tiles)
                computing.insert(h.node);
            longest = std::max(longest, h.ms);
            all += h.ms;
        }
        EXPECT_EQ(computing.size(), 8) << "tiles on every edge node";
        const double path = core::CriticalPath::ms(result->hops, d->stitcher());
        EXPECT_GE(path, longest);
        EXPECT_LE(path, all * (1 + 1e-12));
        std::cout << rows << "x" << cols << " over 8 edge nodes: " << result->hops.size() << " hop reports, "
                  << result->endToEndMs << " ms end to end, critical path " << path << " ms, all steps " << all
                  << " ms\n";
    }
    test::Exactness::recordCounts();
}

} // namespace
} // namespace d3
