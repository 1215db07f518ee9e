#include "graph/ModelParser.h"
#include "plan/CostModel.h"

#include <gtest/gtest.h>

#include <algorithm>

using d3::core::BusyTimes;
using d3::core::CodecCosts;
using d3::core::Conditions;
using d3::core::CostBreakdown;
using d3::core::CostModel;
using d3::core::GraphError;
using d3::core::LayerCosts;
using d3::core::ModelGraph;
using d3::core::ModelParser;
using d3::core::Objective;
using d3::core::Plan;
using d3::core::WireCodec;

namespace {

/// A linear chain small enough to compute by hand:
///   input [1, 8, 8] (64 bytes as uint8)
///   0 conv 3x3 pad 1 -> [2, 8, 8] (512 bytes)   16 ms at speed 1
///   1 relu           -> [2, 8, 8] (512 bytes)    4 ms
///   2 maxpool 2      -> [2, 4, 4] (128 bytes)    2 ms
///   3 flatten        -> [32]      (128 bytes)    1 ms
///   4 linear         -> [4]       (16 bytes)     8 ms
const char *const kChain = R"({
  "format": "d3lab-model", "version": 1, "name": "chain5",
  "input": {"name": "input", "shape": [1, 8, 8]},
  "layers": [
    {"name": "conv", "op": "conv2d", "attributes": {"in_channels": 1, "out_channels": 2, "kernel_size": 3, "padding": 1}},
    {"name": "relu", "op": "relu"},
    {"name": "pool", "op": "maxpool2d", "attributes": {"kernel_size": 2}},
    {"name": "flat", "op": "flatten"},
    {"name": "fc", "op": "linear", "attributes": {"in_features": 32, "out_features": 4}}
  ]
})";

/// Link and tier numbers chosen so that every term is a round decimal:
///   device -> edge: 8 Mbit/s = 1000 bytes/ms, rtt 2 ms (1 ms one way)
///   edge -> cloud: 1.6 Mbit/s = 200 bytes/ms, rtt 10 ms (5 ms one way)
///   edge <-> edge: 80 Mbit/s = 10000 bytes/ms, rtt 0.4 ms (0.2 ms one way)
///   device 0.25, cloud 2, edge nodes {1, 0.5}.
Conditions handConditions()
{
    Conditions c;
    c.bwDeviceEdgeMbps = 8;
    c.bwEdgeCloudMbps = 1.6;
    c.bwEdgeEdgeMbps = 80;
    c.rttDeviceEdgeMs = 2;
    c.rttEdgeCloudMs = 10;
    c.rttEdgeEdgeMs = 0.4;
    c.deviceSpeed = 0.25;
    c.cloudSpeed = 2;
    c.edgeSpeeds = {1, 0.5};
    return c;
}

class CostModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GraphError error;
        const auto g = ModelParser::parse(QByteArray(kChain), QStringLiteral("chain5"), &error);
        ASSERT_TRUE(g.has_value()) << error.toString().toStdString();
        graph = *g;
        ASSERT_EQ(graph.layerCount(), 5);
        costs.ms = {16, 4, 2, 1, 8};
        costs.source = QStringLiteral("hand-written");
    }

    CostModel model() const { return CostModel(graph, costs, handConditions()); }

    static Plan plan(int p, int q)
    {
        Plan pl;
        pl.p = p;
        pl.q = q;
        return pl;
    }

    /// The stack [0, 3) as 2x1 tiles on nodes, the edge up to q.
    static Plan tiles2x1(int q, QVector<int> nodes)
    {
        Plan pl = plan(0, q);
        pl.stackEnd = 3;
        pl.rows = 2;
        pl.tileNodes = std::move(nodes);
        return pl;
    }

    static void expectSumsToTotal(const CostBreakdown &b)
    {
        EXPECT_NEAR(b.device + b.uplink + b.tiles + b.edge + b.backbone + b.cloud + b.ret, b.total, 1e-12);
    }

    ModelGraph graph;
    LayerCosts costs;
};

// Return of the 16-byte result: edge -> device 1 + 16/1000, and through the backbone 5 + 16/200 when q < n.
constexpr double kReturnViaEdge = 1.016;
constexpr double kReturnViaCloud = 5.08 + 1.016;

TEST_F(CostModelTest, WireBytesAreUint8AtTheInputAndFloat32After)
{
    const CostModel m = model();
    EXPECT_EQ(m.wireBytes(0), 64);
    EXPECT_EQ(m.wireBytes(1), 512);
    EXPECT_EQ(m.wireBytes(3), 128);
    EXPECT_EQ(m.wireBytes(4), 128);
    EXPECT_EQ(m.resultBytes(), 16);
    EXPECT_DOUBLE_EQ(m.rangeMs(0, 5), 31.0);
    EXPECT_DOUBLE_EQ(m.rangeMs(1, 3), 6.0);
    EXPECT_DOUBLE_EQ(CostModel::transferMs(1000, 8, 2), 2.0);
}

TEST_F(CostModelTest, DeviceOnly)
{
    const CostBreakdown b = model().evaluate(plan(5, 5));
    EXPECT_DOUBLE_EQ(b.device, 31 / 0.25);
    EXPECT_DOUBLE_EQ(b.total, 124.0);
    EXPECT_EQ(b.uplinkBytes, 0);
    EXPECT_EQ(b.backboneBytes, 0);
    EXPECT_EQ(b.uplink + b.tiles + b.edge + b.backbone + b.cloud + b.ret, 0.0);
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, CloudOnlySendsTheRawInputAsUint8)
{
    const CostBreakdown b = model().evaluate(plan(0, 0));
    EXPECT_DOUBLE_EQ(b.device, 0.0);
    EXPECT_DOUBLE_EQ(b.uplink, 1 + 64 / 1000.0);
    EXPECT_DOUBLE_EQ(b.tiles, 0.0);
    EXPECT_DOUBLE_EQ(b.edge, 0.0);
    EXPECT_DOUBLE_EQ(b.backbone, 5 + 64 / 200.0);
    EXPECT_DOUBLE_EQ(b.cloud, 31 / 2.0);
    EXPECT_NEAR(b.ret, kReturnViaCloud, 1e-12);
    EXPECT_NEAR(b.total, 1.064 + 5.32 + 15.5 + 6.096, 1e-12);
    EXPECT_EQ(b.uplinkBytes, 64);
    EXPECT_EQ(b.backboneBytes, 64 + 16); // S_0 + result
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, EdgeOnlyRunsOnTheFastestNodeAndUsesNoBackbone)
{
    const CostBreakdown b = model().evaluate(plan(0, 5));
    EXPECT_DOUBLE_EQ(b.uplink, 1.064);
    EXPECT_DOUBLE_EQ(b.edge, 31.0); // node 0, speed 1
    EXPECT_DOUBLE_EQ(b.backbone, 0.0);
    EXPECT_DOUBLE_EQ(b.cloud, 0.0);
    EXPECT_NEAR(b.ret, kReturnViaEdge, 1e-12);
    EXPECT_NEAR(b.total, 1.064 + 31 + 1.016, 1e-12);
    EXPECT_EQ(b.backboneBytes, 0); // q == n
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, ThreeWayPlan)
{
    // device [0, 1), edge [1, 3), cloud [3, 5).
    const CostBreakdown b = model().evaluate(plan(1, 3));
    EXPECT_DOUBLE_EQ(b.device, 16 / 0.25);
    EXPECT_DOUBLE_EQ(b.uplink, 1 + 512 / 1000.0);
    EXPECT_DOUBLE_EQ(b.tiles, 0.0);
    EXPECT_DOUBLE_EQ(b.edge, 6.0);
    EXPECT_DOUBLE_EQ(b.backbone, 5 + 128 / 200.0);
    EXPECT_DOUBLE_EQ(b.cloud, 9 / 2.0);
    EXPECT_NEAR(b.ret, kReturnViaCloud, 1e-12);
    EXPECT_NEAR(b.total, 64 + 1.512 + 6 + 5.64 + 4.5 + 6.096, 1e-12);
    EXPECT_EQ(b.uplinkBytes, 512);
    EXPECT_EQ(b.backboneBytes, 128 + 16);
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, SingleCutDeviceCloudRelaysThroughTheEdge)
{
    // p == q == 3: the edge only forwards the 128-byte tensor.
    const CostBreakdown b = model().evaluate(plan(3, 3));
    EXPECT_DOUBLE_EQ(b.device, 22 / 0.25);
    EXPECT_DOUBLE_EQ(b.uplink, 1.128);
    EXPECT_DOUBLE_EQ(b.edge, 0.0);
    EXPECT_DOUBLE_EQ(b.backbone, 5.64);
    EXPECT_DOUBLE_EQ(b.cloud, 4.5);
    EXPECT_NEAR(b.total, 88 + 1.128 + 5.64 + 4.5 + 6.096, 1e-12);
    EXPECT_EQ(b.backboneBytes, 144);
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, TilingTableEntryOfTheChain)
{
    // Stack [0, 3) (conv, relu, pool) as 2x1 tiles of the [2, 4, 4] output: each tile is 2 output rows, 4 pool-input
    // rows, 5 conv-input rows (one halo row) of 8 columns; uint8 input.
    const CostModel m = model();
    const auto *e = m.tiling().find(0, 3, 2, 1);
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->tileMs.size(), 2);
    EXPECT_EQ(e->inputBytes, 2 * 5 * 8); // 80 > 64: the halo
    // conv: 16 ms / 64 px * 32 px = 8; relu: 4 / 64 * 32 = 2; pool: 2 / 16 * 8 = 1.
    EXPECT_DOUBLE_EQ(e->tileMs[0], 11.0);
    EXPECT_DOUBLE_EQ(e->tileMs[1], 11.0);
    EXPECT_EQ(e->tileOutBytes, (QVector<qint64>{64, 64}));
    // Stack [1, 3) (relu, pool) as 2x2: no halo (2x2 pooling windows do not overlap), float32 input.
    const auto *f = m.tiling().find(1, 3, 2, 2);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->inputBytes, 512);
    // No stack ends at a non-feature map or after a non-tileable layer.
    EXPECT_EQ(m.tiling().find(0, 4, 1, 1), nullptr);
    EXPECT_EQ(m.tiling().find(0, 5, 1, 1), nullptr);
    EXPECT_EQ(m.tiling().find(0, 3, 5, 1), nullptr); // more rows than the 4-row output has
}

TEST_F(CostModelTest, TiledPlanPaysHalosSlowestNodeAndGather)
{
    Plan t = plan(0, 3);
    t.stackEnd = 3;
    t.rows = 2;
    t.cols = 1;
    t.tileNodes = {0, 1};
    t.edgeNode = 0;
    const CostBreakdown b = model().evaluate(t);
    EXPECT_EQ(b.uplinkBytes, 80);
    EXPECT_DOUBLE_EQ(b.uplink, 1 + 80 / 1000.0);
    // Node 0 (speed 1): 11 ms; node 1 (speed 0.5): 22 ms, the slowest; then its 64-byte tile is gathered on node 0.
    EXPECT_NEAR(b.tiles, 22 + 0.2 + 64 / 10000.0, 1e-12);
    EXPECT_DOUBLE_EQ(b.edge, 0.0);
    EXPECT_DOUBLE_EQ(b.backbone, 5.64);
    EXPECT_DOUBLE_EQ(b.cloud, 4.5);
    EXPECT_NEAR(b.ret, kReturnViaCloud, 1e-12);
    EXPECT_NEAR(b.total, 1.08 + 22.2064 + 5.64 + 4.5 + 6.096, 1e-12);
    EXPECT_EQ(b.backboneBytes, 144);
    expectSumsToTotal(b);

    // Both tiles on the stitching node: no gather, 22 ms on node 0.
    t.tileNodes = {0, 0};
    const CostBreakdown same = model().evaluate(t);
    EXPECT_DOUBLE_EQ(same.tiles, 22.0);
    expectSumsToTotal(same);

    // Without an assignment the model assigns by speed (longest first, to the node that finishes first).
    t.tileNodes.clear();
    EXPECT_DOUBLE_EQ(model().evaluate(t).tiles, 22.0);

    // Tiles that run at half their share's speed take twice as long; the gather does not change.
    Conditions halfAsEfficient = handConditions();
    halfAsEfficient.tileEfficiency = 0.5;
    const CostModel slower = model().withConditions(halfAsEfficient);
    EXPECT_DOUBLE_EQ(slower.evaluate(t).tiles, 44.0);
    t.tileNodes = {0, 1};
    EXPECT_NEAR(slower.evaluate(t).tiles, 44 + 0.2 + 64 / 10000.0, 1e-12);
}

TEST_F(CostModelTest, APlanWrittenByHandIsPlacedOnTheEdgeNodesBySpeed)
{
    Plan t = plan(0, 3);
    t.stackEnd = 3;
    t.rows = 2;
    t.cols = 1;
    const Plan placed = model().placed(t);
    EXPECT_TRUE(placed.sameShape(t));
    EXPECT_EQ(placed.tileNodes, (QVector<int>{0, 0})); // on node 1 (half as fast) a tile would finish later
    EXPECT_EQ(placed.edgeNode, 0);
    EXPECT_DOUBLE_EQ(model().evaluate(placed).tiles, model().evaluate(t).tiles);

    // A placement given stays; an untiled plan runs on the fastest edge node.
    t.tileNodes = {1, 0};
    EXPECT_EQ(model().placed(t).tileNodes, (QVector<int>{1, 0}));
    Conditions secondFastest = handConditions();
    secondFastest.edgeSpeeds = {0.5, 1};
    EXPECT_EQ(model().withConditions(secondFastest).placed(plan(1, 3)).edgeNode, 1);
    EXPECT_TRUE(model().withConditions(secondFastest).placed(plan(1, 3)).tileNodes.isEmpty());
}

TEST_F(CostModelTest, WithoutTilingNoPlannerFindsATilingOption)
{
    const CostModel m = model();
    ASSERT_NE(m.tiling().find(0, 3, 2, 1), nullptr);
    const CostModel untiled = m.withoutTiling();
    for (int p = 0; p <= m.graph().layerCount(); ++p)
        EXPECT_TRUE(untiled.tiling().startingAt(p).isEmpty());
    EXPECT_EQ(untiled.evaluate(plan(2, 4)).total, m.evaluate(plan(2, 4)).total); // untiled plans cost the same
}

TEST_F(CostModelTest, TiledPlanWithTheRestOfTheModelOnTheEdge)
{
    // Tiles [0, 3) on nodes {0, 1} of equal speed, then [3, 5) on node 0, no cloud.
    Conditions c = handConditions();
    c.edgeSpeeds = {1, 1};
    Plan t = plan(0, 5);
    t.stackEnd = 3;
    t.rows = 2;
    t.cols = 1;
    t.tileNodes = {0, 1};
    const CostBreakdown b = CostModel(graph, costs, c).evaluate(t);
    EXPECT_NEAR(b.tiles, 11 + 0.2064, 1e-12);
    EXPECT_DOUBLE_EQ(b.edge, 9.0);
    EXPECT_DOUBLE_EQ(b.backbone, 0.0);
    EXPECT_DOUBLE_EQ(b.cloud, 0.0);
    EXPECT_NEAR(b.ret, kReturnViaEdge, 1e-12);
    EXPECT_NEAR(b.total, 1.08 + 11.2064 + 9 + 1.016, 1e-12);
    EXPECT_EQ(b.backboneBytes, 0);
    expectSumsToTotal(b);
}

TEST_F(CostModelTest, BackboneBytesAreTheCrossingPlusResultBeforeTheEnd)
{
    const CostModel m = model();
    for (int p = 0; p <= 5; ++p) {
        for (int q = p; q <= 5; ++q) {
            const CostBreakdown b = m.evaluate(plan(p, q));
            const qint64 expected = (q < 5 && p < 5) ? m.wireBytes(q) + m.resultBytes() : 0;
            EXPECT_EQ(b.backboneBytes, expected) << "p=" << p << " q=" << q;
            expectSumsToTotal(b);
        }
    }
}

TEST_F(CostModelTest, TailMatchesEvaluate)
{
    const CostModel m = model();
    for (int s = 0; s <= 5; ++s) {
        for (int q = s; q <= 5; ++q) {
            const CostBreakdown t = m.tail(s, q);
            const CostBreakdown e = m.evaluate(plan(s, q));
            if (s == 5)
                continue; // device-only has no tail
            EXPECT_NEAR(e.total - e.device - e.uplink, t.edge + t.backbone + t.cloud + t.ret, 1e-12);
        }
    }
}

// Per request, each compute thread is busy with its layers and each link with its wire bytes' serialization (no
// delay): 1000 bytes/ms device <-> edge, 200 bytes/ms edge <-> cloud, 10000 bytes/ms between edge nodes.
TEST_F(CostModelTest, BusyTimesAndTheBottleneckOfEachTier)
{
    const CostModel m = model();
    const CostBreakdown device = m.evaluate(plan(5, 5));
    EXPECT_DOUBLE_EQ(device.bottleneckMs, 124.0);
    EXPECT_EQ(device.bottleneck, QStringLiteral("device"));
    EXPECT_DOUBLE_EQ(device.throughputRps, 1000 / 124.0);

    // Cloud only: the edge relays; the cloud computes 31 / 2 ms, longer than any link carries its bytes.
    const CostBreakdown cloud = m.evaluate(plan(0, 0));
    EXPECT_DOUBLE_EQ(cloud.busy.device, 0.0);
    EXPECT_DOUBLE_EQ(cloud.busy.links[size_t(d3::core::PlanLink::Uplink)], 64 / 1000.0);
    EXPECT_DOUBLE_EQ(cloud.busy.links[size_t(d3::core::PlanLink::Backbone)], 64 / 200.0);
    EXPECT_DOUBLE_EQ(cloud.busy.cloud, 15.5);
    EXPECT_DOUBLE_EQ(cloud.busy.links[size_t(d3::core::PlanLink::Return)], 16 / 200.0);
    EXPECT_DOUBLE_EQ(cloud.busy.links[size_t(d3::core::PlanLink::Downlink)], 16 / 1000.0);
    EXPECT_EQ(cloud.bottleneck, QStringLiteral("cloud"));
    EXPECT_DOUBLE_EQ(cloud.bottleneckMs, 15.5);
    EXPECT_LT(cloud.bottleneckMs, cloud.total); // the stages overlap across requests

    // device [0, 1) 64 ms, edge [1, 3) 6 ms on node 0, cloud [3, 5) 4.5 ms: the device sets the rate.
    const CostBreakdown three = m.evaluate(plan(1, 3));
    EXPECT_DOUBLE_EQ(three.busy.device, 64.0);
    ASSERT_EQ(three.busy.edge.size(), 1);
    EXPECT_DOUBLE_EQ(three.busy.edge[0], 6.0);
    EXPECT_DOUBLE_EQ(three.busy.cloud, 4.5);
    EXPECT_DOUBLE_EQ(three.busy.links[size_t(d3::core::PlanLink::Uplink)], 0.512);
    EXPECT_DOUBLE_EQ(three.busy.links[size_t(d3::core::PlanLink::Backbone)], 0.64);
    EXPECT_EQ(three.bottleneck, QStringLiteral("device"));

    // A slow backbone (0.016 Mbit/s: 2 bytes/ms) makes the backbone the bottleneck: the 64-byte input takes 32 ms.
    Conditions slow = handConditions();
    slow.bwEdgeCloudMbps = 0.016;
    const CostBreakdown backbone = m.withConditions(slow).evaluate(plan(0, 0));
    EXPECT_EQ(backbone.bottleneck, QStringLiteral("backbone"));
    EXPECT_DOUBLE_EQ(backbone.bottleneckMs, 32.0);
    const QJsonObject json = backbone.toJson();
    EXPECT_EQ(json.value(QLatin1String("bottleneck")).toString(), QStringLiteral("backbone"));
    EXPECT_DOUBLE_EQ(json.value(QLatin1String("bottleneck_ms")).toDouble(), 32.0);
    EXPECT_DOUBLE_EQ(json.value(QLatin1String("throughput_rps")).toDouble(), 1000 / 32.0);
    const QJsonObject busy = json.value(QLatin1String("busy_ms")).toObject();
    EXPECT_DOUBLE_EQ(busy.value(QLatin1String("cloud")).toDouble(), 15.5);
    EXPECT_DOUBLE_EQ(busy.value(QLatin1String("return")).toDouble(), 8.0);
    EXPECT_FALSE(busy.contains(QLatin1String("device"))); // idle resources are left out
}

TEST_F(CostModelTest, TiledPlanBusiesEachTileNodeAndItsOwnLinks)
{
    // Tiles [0, 3) 2x1 on nodes {0, 1} (11 ms each at speed 1), stitched on node 0, cloud [3, 5).
    Plan t = tiles2x1(3, {0, 1});
    const CostBreakdown b = model().evaluate(t);
    ASSERT_EQ(b.busy.edge.size(), 2);
    EXPECT_DOUBLE_EQ(b.busy.edge[0], 11.0);
    EXPECT_DOUBLE_EQ(b.busy.edge[1], 22.0); // half as fast
    // One link per tile node, each with its own tile's 40 input bytes (the latency charges all 80 on one link).
    EXPECT_DOUBLE_EQ(b.busy.links[size_t(d3::core::PlanLink::Uplink)], 40 / 1000.0);
    EXPECT_DOUBLE_EQ(b.busy.links[size_t(d3::core::PlanLink::Gather)], 64 / 10000.0);
    EXPECT_EQ(b.bottleneck, BusyTimes::edgeName(1));
    EXPECT_EQ(b.bottleneck, QStringLiteral("edge:1"));
    EXPECT_DOUBLE_EQ(b.bottleneckMs, 22.0);

    // The stitching node also runs the rest of the edge range: 11 + 9 ms on node 0 against node 1's 11 ms.
    Conditions equal = handConditions();
    equal.edgeSpeeds = {1, 1};
    t.q = 5;
    const CostBreakdown rest = model().withConditions(equal).evaluate(t);
    EXPECT_DOUBLE_EQ(rest.busy.edge[0], 20.0);
    EXPECT_DOUBLE_EQ(rest.busy.edge[1], 11.0);
    EXPECT_EQ(rest.bottleneck, QStringLiteral("edge:0"));
}

TEST_F(CostModelTest, CodecWorkIsBusyTimeOnTheNodeThatDoesIt)
{
    // zero: half the bytes at 4 MB/s both ways (4000 bytes/ms at speed 1). Over a 0.008 Mbit/s device <-> edge link
    // (1 byte/ms) the 512 bytes crossing cut 1 and the 16-byte result go compressed; over a 16 Mbit/s backbone
    // (2000 bytes/ms) nothing does.
    CodecCosts::Measured zero{QVector<double>(6, 0.5), 4.0e-3, 4.0e-3};
    const CodecCosts codecs = CodecCosts::fromMeasured(5, {{WireCodec::ZeroValue, zero}});
    Conditions c = handConditions();
    c.bwDeviceEdgeMbps = 0.008;
    c.bwEdgeCloudMbps = 16;
    const CostModel m = model().withConditions(c).withCodecs(codecs);
    const CostBreakdown b = m.evaluate(plan(1, 3));
    ASSERT_EQ(b.codecs[size_t(d3::core::PlanLink::Uplink)], WireCodec::ZeroValue);
    ASSERT_EQ(b.codecs[size_t(d3::core::PlanLink::Backbone)], WireCodec::None);
    ASSERT_EQ(b.codecs[size_t(d3::core::PlanLink::Downlink)], WireCodec::ZeroValue);
    // The device: [0, 1), encoding 512 bytes (0.128 ms at speed 1, 0.512 at 0.25), decoding the result (0.016).
    EXPECT_NEAR(b.busy.device, 64 + 0.512 + 0.016, 1e-12);
    // Edge node 0 (speed 1): decoding the 512 bytes, [1, 3), encoding the result for the device.
    EXPECT_NEAR(b.busy.edge[0], 0.128 + 6 + 0.004, 1e-12);
    EXPECT_DOUBLE_EQ(b.busy.links[size_t(d3::core::PlanLink::Uplink)], 256.0); // 256 wire bytes at 1 byte/ms
    EXPECT_DOUBLE_EQ(b.busy.links[size_t(d3::core::PlanLink::Downlink)], 8.0);
    EXPECT_EQ(b.bottleneck, QStringLiteral("uplink"));
}

TEST_F(CostModelTest, BottleneckNeverExceedsTheLatencyAndTailsAddUp)
{
    const CostModel m = model();
    for (int p = 0; p <= 5; ++p) {
        for (int q = p; q <= 5; ++q) {
            const CostBreakdown b = m.evaluate(plan(p, q));
            EXPECT_GT(b.bottleneckMs, 0.0);
            EXPECT_LE(b.bottleneckMs, b.total) << "p=" << p << " q=" << q;
            EXPECT_DOUBLE_EQ(b.throughputRps, 1000 / b.bottleneckMs);
            double busiest = 0;
            for (int r = 0; r < b.busy.count(); ++r)
                busiest = std::max(busiest, b.busy.at(r));
            EXPECT_EQ(b.bottleneckMs, busiest);
            if (p == 5)
                continue;
            // The head's busy times and the tail's add up to evaluate's.
            BusyTimes joined = m.headBusy(plan(p, q), nullptr, WireCodec::None, WireCodec::None);
            joined.add(m.tail(p, q).busy);
            for (int r = 0; r < b.busy.count(); ++r)
                EXPECT_NEAR(joined.at(r), b.busy.at(r), 1e-12) << b.busy.name(r).toStdString();
        }
    }
}

TEST_F(CostModelTest, EachObjectiveComparesItsOwnFigure)
{
    // a: 10 ms, bottleneck 8 ms; b: 12 ms, bottleneck 5 ms.
    const CostModel latency = model();
    EXPECT_EQ(latency.objective(), Objective{});
    EXPECT_TRUE(latency.better(10, 8, 12, 5));
    EXPECT_FALSE(latency.better(12, 5, 10, 8));
    EXPECT_FALSE(latency.better(10, 8, 10, 5)); // strictly better only

    const CostModel throughput = model().withObjective({Objective::Kind::Throughput});
    EXPECT_TRUE(throughput.better(12, 5, 10, 8));
    EXPECT_FALSE(throughput.better(10, 8, 12, 5));
    // Equal bottlenecks (to the tie tolerance): the latency decides.
    EXPECT_TRUE(throughput.better(10, 5, 12, 5 * (1 + 1e-12)));
    EXPECT_FALSE(throughput.better(12, 5, 10, 5 * (1 + 1e-12)));
    EXPECT_TRUE(throughput.better(12, 5, 10, 5 * (1 + 1e-6)));

    // Under a rate the budget is 0.9 x 1000 / rate ms of the bottleneck.
    auto underRate = [&](double hz) { return model().withObjective({Objective::Kind::LatencyUnderRate, hz}); };
    EXPECT_TRUE(underRate(100).sustains(9.0));
    EXPECT_FALSE(underRate(100).sustains(9.01));
    EXPECT_TRUE(underRate(100).better(10, 8, 12, 5));  // both sustain 100 Hz (9 ms): the faster
    EXPECT_TRUE(underRate(150).better(12, 5, 10, 8));  // only b sustains 150 Hz (6 ms)
    EXPECT_FALSE(underRate(150).better(10, 8, 12, 5));
    EXPECT_TRUE(underRate(1000).better(12, 5, 10, 8)); // neither sustains 1000 Hz: the more throughput
    EXPECT_TRUE(underRate(0).better(10, 8, 12, 5));    // no rate given: every plan sustains it

    // The comparison of breakdowns is the comparison of their figures.
    const CostBreakdown cloud = model().evaluate(plan(0, 0)), three = model().evaluate(plan(1, 3));
    EXPECT_TRUE(latency.better(cloud, three));    // 27.98 ms against 87.75 ms
    EXPECT_TRUE(throughput.better(cloud, three)); // 15.5 ms against 64 ms busy
}

} // namespace
