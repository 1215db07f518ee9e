#include "protocol/Deployment.h"

#include "TestFiles.h"
#include "tiling/StackFinder.h"

#include <QCborArray>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

const QStringList kEdges{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")};

QMap<QString, QString> addresses()
{
    return {{QStringLiteral("dev"), QStringLiteral("127.0.0.1:1001")},
            {QStringLiteral("e1"), QStringLiteral("127.0.0.1:1002")},
            {QStringLiteral("e2"), QStringLiteral("127.0.0.1:1003")},
            {QStringLiteral("e3"), QStringLiteral("127.0.0.1:1004")},
            {QStringLiteral("cl"), QStringLiteral("127.0.0.1:1005")}};
}

std::optional<Deployment> deploy(const ModelGraph &g, const Plan &plan, QString *why)
{
    return Deployment::make(g, 9, plan, QStringLiteral("dev"), kEdges, QStringLiteral("cl"), addresses(), why);
}

Plan cuts(int p, int q, int edgeNode = 0)
{
    Plan plan;
    plan.p = p;
    plan.q = q;
    plan.edgeNode = edgeNode;
    return plan;
}

QStringList describe(const QVector<Deployment::Transfer> &transfers)
{
    QStringList out;
    for (const auto &t : transfers)
        out << QStringLiteral("%1>%2 %3@%4%5").arg(t.from, t.to, dataKindName(t.kind)).arg(t.at)
                   .arg(t.tile >= 0 ? QStringLiteral("#%1").arg(t.tile) : QString());
    return out;
}

TEST(DeploymentTest, ThreeWaySplitFlowsDeviceEdgeCloudAndBack)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("alexnet"));
    QString why;
    const auto d = deploy(g, cuts(3, 10, 1), &why);
    ASSERT_TRUE(d) << why.toStdString();
    ASSERT_EQ(d->stages().size(), 3);
    EXPECT_EQ(d->stages()[1].node, QStringLiteral("e2"));
    EXPECT_EQ(d->stageAt(10)->node, QStringLiteral("cl"));
    EXPECT_EQ(d->stageAt(g.layerCount()), nullptr);
    // The result goes back the way the tiers are linked: the cloud reaches the device through the edge node.
    EXPECT_EQ(describe(d->transfers()),
              (QStringList{"dev>e2 cut@3", "e2>cl cut@10", "cl>e2 result@22", "e2>dev result@22"}));
    EXPECT_EQ(d->expectedReports(), 3 + 4);
    EXPECT_EQ(d->nextHops(QStringLiteral("e2")), (QStringList{"cl", "dev"}));
    EXPECT_EQ(d->participants(), (QStringList{"dev", "e2", "cl"}));
}

TEST(DeploymentTest, DeviceOnlyNeedsNoEdgeAndCloudOnlyIsRelayedByOne)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("alexnet"));
    const int n = g.layerCount();
    QString why;
    const auto local = Deployment::make(g, 1, cuts(n, n), QStringLiteral("dev"), {}, QStringLiteral("cl"), addresses(), &why);
    ASSERT_TRUE(local) << why.toStdString();
    EXPECT_TRUE(local->transfers().isEmpty());
    EXPECT_EQ(local->expectedReports(), 1);
    const auto twoTier = Deployment::make(g, 2, cuts(0, 0), QStringLiteral("dev"), {}, QStringLiteral("cl"), addresses(), &why);
    ASSERT_TRUE(twoTier) << why.toStdString(); // no edge worker left: device and cloud talk directly
    EXPECT_EQ(describe(twoTier->transfers()), (QStringList{"dev>cl cut@0", "cl>dev result@22"}));
    EXPECT_FALSE(deploy(g, cuts(0, 0, 3), &why)); // with edge workers, the relay must be one of them
    EXPECT_NE(why.indexOf(QStringLiteral("relays")), -1) << why.toStdString();
    const auto cloud = deploy(g, cuts(0, 0, 2), &why);
    ASSERT_TRUE(cloud) << why.toStdString();
    EXPECT_EQ(cloud->firstHop(QStringLiteral("dev"), QStringLiteral("cl")), QStringLiteral("e3"));
    EXPECT_EQ(describe(cloud->transfers()),
              (QStringList{"dev>e3 cut@0", "e3>cl cut@0", "cl>e3 result@22", "e3>dev result@22"}));
    EXPECT_EQ(cloud->participants(), (QStringList{"dev", "cl", "e3"}));
}

TEST(DeploymentTest, TilesGoFromTheDeviceToTheirNodesAndBackToTheStitcher)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("alexnet"));
    QString why;
    const auto stack = StackFinder::leading(g, 0, g.layerCount(), &why);
    ASSERT_TRUE(stack) << why.toStdString();
    Plan plan = cuts(0, stack->end, 0);
    plan.stackEnd = stack->end;
    plan.rows = 1;
    plan.cols = 3;
    plan.tileNodes = {0, 1, 0};
    const auto d = deploy(g, plan, &why);
    ASSERT_TRUE(d) << why.toStdString();
    ASSERT_NE(d->geometry(), nullptr);
    const QString e = QString::number(stack->end);
    // The stitcher e1 computes tiles 0 and 2 itself: only tile 1 travels back to it.
    EXPECT_EQ(describe(d->transfers()),
              (QStringList{"dev>e1 tile_in@0#0", "dev>e2 tile_in@0#1", "dev>e1 tile_in@0#2", "e2>e1 tile_out@" + e + "#1",
                           "e1>cl cut@" + e, "cl>e1 result@22", "e1>dev result@22"}));
    EXPECT_EQ(d->expectedReports(), 3 + 1 + 7); // 3 tiles, the cloud's range, 7 transfers
}

TEST(DeploymentTest, EachHopHasItsLinksCodecAndACompressedMessageIsDecodedOnceUnlessRelayedAsItCame)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("alexnet"));
    QString why;
    // Device [0, 3) | cloud, relayed by e1: the uplink compresses, the backbone sends raw, so e1 decodes what it
    // relays and sends it on raw; the result comes back raw.
    Plan plan = cuts(3, 3, 0);
    plan.codecs[size_t(PlanLink::Uplink)] = WireCodec::ZeroValue;
    const auto d = deploy(g, plan, &why);
    ASSERT_TRUE(d) << why.toStdString();
    EXPECT_EQ(d->linkOf(QStringLiteral("dev"), QStringLiteral("e1")), PlanLink::Uplink);
    EXPECT_EQ(d->linkOf(QStringLiteral("e1"), QStringLiteral("cl")), PlanLink::Backbone);
    EXPECT_EQ(d->linkOf(QStringLiteral("cl"), QStringLiteral("e1")), PlanLink::Return);
    EXPECT_EQ(d->linkOf(QStringLiteral("e1"), QStringLiteral("dev")), PlanLink::Downlink);
    EXPECT_EQ(d->linkOf(QStringLiteral("e2"), QStringLiteral("e1")), PlanLink::Gather);
    EXPECT_EQ(d->codecOf(QStringLiteral("dev"), QStringLiteral("e1")), WireCodec::ZeroValue);
    EXPECT_EQ(d->codecOf(QStringLiteral("e1"), QStringLiteral("cl")), WireCodec::None);
    // 2 computations, 4 transfers, 1 decode (e1's).
    EXPECT_EQ(d->expectedReports(), 2 + 4 + 1);
    // The same codec on both hops: e1 passes it on as it came, and only the cloud decodes.
    plan.codecs[size_t(PlanLink::Backbone)] = WireCodec::ZeroValue;
    const auto same = deploy(g, plan, &why);
    ASSERT_TRUE(same) << why.toStdString();
    EXPECT_EQ(same->expectedReports(), 2 + 4 + 1);
    // Another codec on the backbone: e1 decodes and the cloud decodes.
    plan.codecs[size_t(PlanLink::Backbone)] = WireCodec::ShuffleZstd;
    const auto other = deploy(g, plan, &why);
    ASSERT_TRUE(other) << why.toStdString();
    EXPECT_EQ(other->expectedReports(), 2 + 4 + 2);
    // The codecs survive the wire; a codec number that is not one is refused.
    const auto back = Deployment::fromCbor(g, other->toCbor(), &why);
    ASSERT_TRUE(back) << why.toStdString();
    EXPECT_EQ(back->plan().codecs, other->plan().codecs);
    QCborMap bad = other->toCbor();
    bad.insert(QStringLiteral("codecs"), QCborArray{0, 1, 9, 0, 0});
    EXPECT_FALSE(Deployment::fromCbor(g, bad, &why));
    EXPECT_NE(why.indexOf(QStringLiteral("codec")), -1) << why.toStdString();
    bad.insert(QStringLiteral("codecs"), QCborArray{0, 1});
    EXPECT_FALSE(Deployment::fromCbor(g, bad, &why));
}

TEST(DeploymentTest, SurvivesTheWireAndRefusesWhatDoesNotFit)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("resnet18"));
    QString why;
    const auto d = deploy(g, cuts(5, 30, 2), &why);
    ASSERT_TRUE(d) << why.toStdString();
    const auto back = Deployment::fromCbor(g, d->toCbor(), &why);
    ASSERT_TRUE(back) << why.toStdString();
    EXPECT_EQ(back->planId(), 9u);
    EXPECT_TRUE(back->plan().sameShape(d->plan()));
    EXPECT_EQ(describe(back->transfers()), describe(d->transfers()));

    EXPECT_FALSE(deploy(g, cuts(30, 5), &why));
    EXPECT_NE(why.indexOf(QStringLiteral("do not fit")), -1) << why.toStdString();
    EXPECT_FALSE(deploy(g, cuts(5, 30, 3), &why)); // only 3 edge workers
    Plan badStack = cuts(5, 30);
    badStack.stackEnd = 29;
    badStack.tileNodes = {0};
    EXPECT_FALSE(deploy(g, badStack, &why));
    auto noAddress = addresses();
    noAddress.remove(QStringLiteral("cl"));
    EXPECT_FALSE(Deployment::make(g, 1, cuts(5, 30), QStringLiteral("dev"), kEdges, QStringLiteral("cl"), noAddress, &why));
    EXPECT_NE(why.indexOf(QStringLiteral("'cl'")), -1) << why.toStdString();
    EXPECT_FALSE(Deployment::make(g, 1, cuts(5, 30), QStringLiteral("e1"), kEdges, QStringLiteral("cl"), addresses(), &why));
    QCborMap garbage = d->toCbor();
    garbage.insert(QStringLiteral("p"), QStringLiteral("five"));
    EXPECT_FALSE(Deployment::fromCbor(g, garbage, &why));
    EXPECT_TRUE(why.startsWith(QStringLiteral("Deploy: 'p' must be an integer"))) << why.toStdString();
}

// Once, integers were clamped into range: a stack_end of -2^40 read as -1, "untiled", and a cut of 2^32 as 2^20.
TEST(DeploymentTest, IntegersOutOfRangeAreRefusedNotClampedIntoMeaning)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("resnet18"));
    QString why;
    const auto d = deploy(g, cuts(5, 30), &why);
    ASSERT_TRUE(d) << why.toStdString();
    const auto refused = [&](const char *field, const QCborValue &value) {
        QCborMap m = d->toCbor();
        m.insert(QLatin1String(field), value);
        const bool ok = Deployment::fromCbor(g, m, &why).has_value();
        return !ok && why.contains(QStringLiteral("'%1'").arg(QLatin1String(field)));
    };
    EXPECT_TRUE(refused("stack_end", -(qint64(1) << 40))) << why.toStdString();
    EXPECT_TRUE(refused("p", qint64(1) << 32)) << why.toStdString();
    EXPECT_TRUE(refused("plan_id", 0)) << why.toStdString();
    EXPECT_TRUE(refused("plan_id", -1)) << why.toStdString();
    EXPECT_TRUE(refused("rows", 0)) << why.toStdString();
    EXPECT_TRUE(refused("q", 1.5)) << why.toStdString();
    QCborMap m = d->toCbor();
    m.insert(QStringLiteral("tile_nodes"), QCborArray{-7});
    EXPECT_FALSE(Deployment::fromCbor(g, m, &why));
    EXPECT_TRUE(why.contains(QStringLiteral("'tile_nodes'"))) << why.toStdString();
}

} // namespace
} // namespace d3::core
