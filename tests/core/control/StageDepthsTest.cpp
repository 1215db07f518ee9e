// Where a stream's requests are (StageDepths): at the first stage of their plan whose computations have not all been
// reported (every tile of a tiled stack), then on their way back; those waiting at the device counted apart.
#include "control/StageDepths.h"

#include "TestFiles.h"
#include "tiling/StackFinder.h"

#include <gtest/gtest.h>

namespace d3::core {
namespace {

HopReport compute(StageKind stage, int tile = -1)
{
    HopReport h;
    h.kind = HopReport::Kind::Compute;
    h.stage = stage;
    h.tile = tile;
    return h;
}

TEST(StageDepths, ARequestIsAtItsFirstStageNotYetComputedThenReturning)
{
    const ModelGraph graph = test::TestFiles::builtin(QStringLiteral("resnet18"));
    const int n = graph.layerCount();
    QString why;
    const auto stack = StackFinder::leading(graph, 3, n, &why);
    ASSERT_TRUE(stack) << why.toStdString();
    Plan plan;
    plan.p = 3;
    plan.stackEnd = stack->end;
    plan.q = stack->end + 2;
    plan.rows = 2;
    plan.cols = 1;
    plan.tileNodes = {0, 1};
    const QMap<QString, QString> addresses{{QStringLiteral("device"), QStringLiteral("127.0.0.1:1")},
                                           {QStringLiteral("edge1"), QStringLiteral("127.0.0.1:2")},
                                           {QStringLiteral("edge2"), QStringLiteral("127.0.0.1:3")},
                                           {QStringLiteral("cloud"), QStringLiteral("127.0.0.1:4")}};
    const auto d = Deployment::make(graph, 1, plan, QStringLiteral("device"),
                                    {QStringLiteral("edge1"), QStringLiteral("edge2")}, QStringLiteral("cloud"),
                                    addresses, &why);
    ASSERT_TRUE(d) << why.toStdString();
    const auto deployment = std::make_shared<const Deployment>(*d);

    StageDepths depths;
    depths.setWaiting(2);
    depths.sent(1, deployment);
    depths.sent(2, deployment);
    auto at = [&] { return depths.counts(); };
    EXPECT_EQ(at(), (StageDepths::Counts{2, 2, 0, 0, 0, 0}));
    depths.reported(1, compute(StageKind::Device));
    EXPECT_EQ(at(), (StageDepths::Counts{2, 1, 1, 0, 0, 0}));
    depths.reported(1, compute(StageKind::Tiles, 0)); // one tile of two: still at the tiles
    HopReport transfer;
    transfer.kind = HopReport::Kind::Transfer;
    depths.reported(1, transfer); // transfers do not move it
    EXPECT_EQ(at(), (StageDepths::Counts{2, 1, 1, 0, 0, 0}));
    depths.reported(1, compute(StageKind::Tiles, 1));
    EXPECT_EQ(at(), (StageDepths::Counts{2, 1, 0, 1, 0, 0}));
    depths.reported(1, compute(StageKind::Edge));
    EXPECT_EQ(at(), (StageDepths::Counts{2, 1, 0, 0, 1, 0}));
    depths.reported(1, compute(StageKind::Cloud));
    EXPECT_EQ(at(), (StageDepths::Counts{2, 1, 0, 0, 0, 1}));
    depths.reported(7, compute(StageKind::Device)); // a request it does not follow
    depths.ended(1);
    depths.setWaiting(0);
    EXPECT_EQ(at(), (StageDepths::Counts{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(StageDepths::placeNames().size(), StageDepths::Places);
}

} // namespace
} // namespace d3::core
