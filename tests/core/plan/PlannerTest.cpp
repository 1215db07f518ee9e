#include "PlanningGrid.h"
#include "TestFiles.h"

#include "plan/CostModel.h"
#include "plan/Planner.h"
#include "plan/TilingTable.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

using d3::core::Conditions;
using d3::core::CostBreakdown;
using d3::core::CostModel;
using d3::core::FusedStack;
using d3::core::LayerCosts;
using d3::core::ModelGraph;
using d3::core::Plan;
using d3::core::Planner;
using d3::core::PlanResult;
using d3::core::StackFinder;
using d3::core::TileGeometry;
using d3::core::TilingEntry;
using d3::core::TilingTable;
using d3::test::conditionsGrid;
using d3::test::describe;
using d3::test::TestFiles;

namespace {

constexpr double kRelative = 1e-9;

bool near(double a, double b)
{
    return std::abs(a - b) <= kRelative * std::max(std::abs(a), std::abs(b));
}

/// Empty if plan is a legal plan of model, else why not.
QString illegal(const CostModel &m, const Plan &plan)
{
    const int n = m.graph().layerCount();
    if (plan.p < 0 || plan.p > plan.q || plan.q > n)
        return QStringLiteral("cuts %1, %2 outside 0 <= p <= q <= %3").arg(plan.p).arg(plan.q).arg(n);
    if (plan.edgeNode < 0 || plan.edgeNode >= m.conditions().edgeNodes())
        return QStringLiteral("edge node %1").arg(plan.edgeNode);
    if (plan.stackEnd == -1)
        return {};
    if (!plan.tiled() || plan.stackEnd > plan.q)
        return QStringLiteral("stack end %1 outside (%2, %3]").arg(plan.stackEnd).arg(plan.p).arg(plan.q);
    const TilingEntry *e = m.tiling().find(plan.p, plan.stackEnd, plan.rows, plan.cols);
    if (!e)
        return QStringLiteral("no tiling option [%1, %2) %3x%4").arg(plan.p).arg(plan.stackEnd).arg(plan.rows).arg(plan.cols);
    if (plan.tileNodes.size() != plan.rows * plan.cols)
        return QStringLiteral("%1 tile nodes for %2 tiles").arg(plan.tileNodes.size()).arg(plan.rows * plan.cols);
    for (int node : plan.tileNodes) {
        if (node < 0 || node >= m.conditions().edgeNodes())
            return QStringLiteral("tile node %1 of %2").arg(node).arg(m.conditions().edgeNodes());
    }
    return {};
}

Plan cuts(int p, int q)
{
    Plan plan;
    plan.p = p;
    plan.q = q;
    return plan;
}

/// True when every inner cut of the graph carries exactly one tensor.
bool isChain(const ModelGraph &g)
{
    for (int k = 1; k < g.layerCount(); ++k) {
        if (g.cut(k).tensors.size() != 1)
            return false;
    }
    return true;
}

class PlannerTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        graph = TestFiles::builtin(QString::fromStdString(GetParam()));
        ASSERT_GT(graph.layerCount(), 0);
        costs = LayerCosts::fromFlops(graph);
    }

    ModelGraph graph;
    LayerCosts costs;
};

TEST_P(PlannerTest, EveryPlannerOverTheConditionsGrid)
{
    const int n = graph.layerCount();
    const bool chain = isChain(graph);
    const QVector<Conditions> grid = conditionsGrid();
    std::map<QString, double> decisionUs;
    std::map<QString, int> beatsCloudOnly, hpaTiled, dadsNotes;
    double worstDadsOverBaselines = 0;
    int dadsSplits = 0;
    std::map<QString, int> shapes; // tiers hpa uses: "d", "e", "c", "de", "ec", "dc", "dec"
    QElapsedTimer timer;
    timer.start();
    const CostModel base(graph, costs, Conditions{});
    for (const Conditions &c : grid) {
        SCOPED_TRACE(describe(c));
        const CostModel m = base.withConditions(c);
        std::map<QString, PlanResult> r;
        for (const QString &name : Planner::names()) {
            const auto planner = Planner::create(name);
            ASSERT_TRUE(planner) << name.toStdString();
            ASSERT_EQ(planner->name(), name);
            const PlanResult res = planner->run(m);
            EXPECT_EQ(res.planner, name);
            EXPECT_EQ(illegal(m, res.plan), QString()) << name.toStdString() << ": " << res.plan.describe().toStdString();
            const CostBreakdown again = m.evaluate(res.plan);
            EXPECT_EQ(res.cost.total, again.total) << name.toStdString();
            EXPECT_EQ(res.cost.backboneBytes, again.backboneBytes) << name.toStdString();
            EXPECT_NEAR(res.cost.device + res.cost.uplink + res.cost.tiles + res.cost.edge + res.cost.backbone
                            + res.cost.cloud + res.cost.ret,
                        res.cost.total, 1e-9 * res.cost.total);
            EXPECT_TRUE(std::isfinite(res.cost.total) && res.cost.total > 0) << name.toStdString();
            decisionUs[name] += res.decisionUs;
            r[name] = res;
        }
        const double oracle = r["oracle"].cost.total;
        for (const auto &[name, res] : r)
            EXPECT_LE(oracle, res.cost.total * (1 + kRelative)) << name.toStdString() << " beats the oracle";
        EXPECT_TRUE(near(r["hpa"].cost.total, oracle))
            << "hpa " << r["hpa"].cost.total << " (" << r["hpa"].plan.describe().toStdString() << ") vs oracle "
            << oracle << " (" << r["oracle"].plan.describe().toStdString() << ")";

        // The fixed baselines are what they say.
        EXPECT_TRUE(r["device-only"].plan.p == n && r["device-only"].plan.q == n);
        EXPECT_TRUE(r["cloud-only"].plan.p == 0 && r["cloud-only"].plan.q == 0);
        EXPECT_TRUE(r["edge-only"].plan.p == 0 && r["edge-only"].plan.q == n && !r["edge-only"].plan.tiled());
        EXPECT_EQ(r["device-only"].cost.total, m.rangeMs(0, n) / c.deviceSpeed);
        EXPECT_EQ(r["device-only"].cost.backboneBytes, 0);
        EXPECT_EQ(r["edge-only"].cost.backboneBytes, 0);
        EXPECT_EQ(r["cloud-only"].cost.backboneBytes, m.wireBytes(0) + m.resultBytes());
        EXPECT_EQ(r["cloud-only"].cost.uplinkBytes, graph.inputShape().elements());

        // neurosurgeon: the best p == q; edge-cloud: the best untiled p == 0 (brute force).
        double bestSingle = std::numeric_limits<double>::infinity(), bestEdgeCloud = bestSingle;
        for (int k = 0; k <= n; ++k) {
            bestSingle = std::min(bestSingle, m.evaluate(cuts(k, k)).total);
            bestEdgeCloud = std::min(bestEdgeCloud, m.evaluate(cuts(0, k)).total);
        }
        const Plan &ns = r["neurosurgeon"].plan;
        EXPECT_TRUE(ns.p == ns.q && !ns.tiled()) << ns.describe().toStdString();
        EXPECT_EQ(r["neurosurgeon"].cost.total, bestSingle);
        const Plan &ec = r["edge-cloud"].plan;
        EXPECT_TRUE(ec.p == 0 && !ec.tiled()) << ec.describe().toStdString();
        EXPECT_EQ(r["edge-cloud"].cost.total, bestEdgeCloud);

        // dads: a device | cloud cut, never worse than either single-tier baseline of those two tiers.
        const Plan &dads = r["dads"].plan;
        EXPECT_TRUE(dads.p == dads.q && !dads.tiled()) << dads.describe().toStdString();
        const double baselines = std::min(r["device-only"].cost.total, r["cloud-only"].cost.total);
        EXPECT_LE(r["dads"].cost.total, baselines * (1 + kRelative)) << dads.describe().toStdString();
        EXPECT_GE(r["dads"].cost.total, bestSingle * (1 - kRelative));
        worstDadsOverBaselines = std::max(worstDadsOverBaselines, r["dads"].cost.total / baselines);
        if (chain) {
            EXPECT_TRUE(near(r["dads"].cost.total, bestSingle)) << "dads " << dads.describe().toStdString()
                                                               << " vs neurosurgeon " << ns.describe().toStdString();
        }
        if (!r["dads"].note.isEmpty())
            ++dadsNotes["dads"];

        const Plan &hpa = r["hpa"].plan;
        if (hpa.tiled())
            ++hpaTiled["hpa"];
        const bool device = hpa.p > 0, edge = hpa.q > hpa.p, cloud = hpa.q < n;
        ++shapes[QString::fromLatin1(device ? "d" : "") + (edge ? "e" : "") + (cloud ? "c" : "")];
        if (r["dads"].cost.total < baselines * (1 - 1e-9))
            ++dadsSplits;
        if (r["hpa"].cost.total < r["cloud-only"].cost.total * (1 - 1e-9))
            ++beatsCloudOnly["hpa"];
    }
    std::printf("[ %-12s ] n=%d chain=%d: %d conditions in %.0f ms; hpa beats cloud-only in %d, tiles in %d; "
                "dads/min(device,cloud) worst %.4f, dads splits in %d, dads notes %d\n",
                GetParam().c_str(), n, chain, int(grid.size()), double(timer.elapsed()), beatsCloudOnly["hpa"],
                hpaTiled["hpa"], worstDadsOverBaselines, dadsSplits, dadsNotes["dads"]);
    std::printf("[ %-12s ] tiers of hpa's plans:", GetParam().c_str());
    for (const auto &[tiers, count] : shapes)
        std::printf(" %s %d", qPrintable(tiers), count);
    std::printf("; mean decision us:");
    for (const auto &[name, us] : decisionUs)
        std::printf(" %s %.0f", qPrintable(name), us / grid.size());
    std::printf("\n");
}

// The oracle's head + tail search agrees with evaluating every plan of its space in full.
TEST_P(PlannerTest, OracleIsTheMinimumOfEvaluateOverItsSpace)
{
    const int n = graph.layerCount();
    QVector<Conditions> sample;
    for (const Conditions &c : conditionsGrid()) {
        // Two to four conditions: a full enumeration of the larger models takes seconds each.
        const bool uplink = c.bwDeviceEdgeMbps == 10 || (n <= 70 && c.bwDeviceEdgeMbps == 1000);
        if (uplink && c.bwEdgeCloudMbps == 10 && c.deviceSpeed == 0.2
            && (c.edgeNodes() == 1 || (c.edgeNodes() == 4 && c.edgeSpeeds.contains(0.4))))
            sample << c;
    }
    ASSERT_FALSE(sample.isEmpty());
    const CostModel base(graph, costs, Conditions{});
    for (const Conditions &c : sample) {
        SCOPED_TRACE(describe(c));
        const CostModel m(graph, costs, c);
        const CostModel shared = base.withConditions(c); // shares base's tiling table: must predict the same
        double best = m.evaluate(cuts(n, n)).total;
        for (int p = 0; p < n; ++p) {
            for (int q = p; q <= n; ++q) {
                best = std::min(best, m.evaluate(cuts(p, q)).total);
                for (const TilingEntry &e : m.tiling().startingAt(p)) {
                    if (e.s > q || e.rows * e.cols == 1)
                        continue;
                    for (int k = 1; k <= std::min(c.edgeNodes(), e.rows * e.cols); ++k) {
                        Plan plan = cuts(p, q);
                        plan.stackEnd = e.s;
                        plan.rows = e.rows;
                        plan.cols = e.cols;
                        const double phase = m.tilePhase(e, k, &plan);
                        const CostBreakdown b = m.evaluate(plan);
                        EXPECT_NEAR(b.tiles, phase, 1e-9 * phase);
                        best = std::min(best, b.total);
                    }
                }
            }
        }
        const PlanResult oracle = Planner::create(QStringLiteral("oracle"))->run(m);
        EXPECT_TRUE(near(oracle.cost.total, best)) << oracle.cost.total << " vs " << best;
        const PlanResult viaShared = Planner::create(QStringLiteral("oracle"))->run(shared);
        EXPECT_TRUE(viaShared.plan.sameShape(oracle.plan) && viaShared.plan.tileNodes == oracle.plan.tileNodes);
        EXPECT_EQ(viaShared.cost.total, oracle.cost.total);
        EXPECT_EQ(shared.evaluate(cuts(n / 2, n)).total, m.evaluate(cuts(n / 2, n)).total);
    }
}

TEST_P(PlannerTest, TilingTableAgreesWithTileGeometry)
{
    const int n = graph.layerCount();
    const CostModel m(graph, costs, Conditions{});
    int checked = 0;
    for (int p = 0; p < n; p += std::max(1, n / 12)) {
        const QVector<FusedStack> stacks = StackFinder::candidates(graph, p, n);
        // Every table entry starting at p is a candidate stack with a grid that fits its output.
        int expected = 0;
        for (const FusedStack &st : stacks) {
            const auto &out = graph.tensorShape(st.output);
            expected += int(std::min<qint64>(TilingTable::kMaxGrid, out.height())
                            * std::min<qint64>(TilingTable::kMaxGrid, out.width()));
        }
        EXPECT_EQ(m.tiling().startingAt(p).size(), expected) << "p=" << p;
        for (int si = 0; si < stacks.size(); si += std::max(1, int(stacks.size()) / 3)) {
            const FusedStack &st = stacks[si];
            for (const auto &[rows, cols] : {std::pair{1, 1}, std::pair{2, 2}, std::pair{1, 3}, std::pair{4, 3}}) {
                const TilingEntry *e = m.tiling().find(st.begin, st.end, rows, cols);
                QString why;
                const auto geometry = TileGeometry::build(graph, st, rows, cols, &why);
                if (!geometry) {
                    EXPECT_EQ(e, nullptr);
                    continue;
                }
                ASSERT_NE(e, nullptr) << "[" << st.begin << ", " << st.end << ") " << rows << "x" << cols;
                SCOPED_TRACE(QStringLiteral("[%1, %2) %3x%4").arg(st.begin).arg(st.end).arg(rows).arg(cols).toStdString());
                ASSERT_EQ(e->tileMs.size(), geometry->tiles().size());
                ASSERT_EQ(e->tileOutBytes.size(), geometry->tiles().size());
                qint64 inputBytes = 0;
                for (int t = 0; t < geometry->tiles().size(); ++t) {
                    const auto &tile = geometry->tiles()[t];
                    // The FLOP estimate makes a tile's time its FLOPs at the reference throughput (the geometry
                    // rounds each layer's share down to whole FLOPs).
                    const double ms = double(tile.flops) / (LayerCosts::kReferenceGflops * 1e6);
                    EXPECT_NEAR(e->tileMs[t], ms, 1e-6 * ms + 1e-9) << "tile " << t;
                    EXPECT_EQ(e->tileOutBytes[t], graph.tensorShape(st.output).channels() * tile.out.area() * 4);
                    inputBytes += tile.inputBytes;
                }
                // The geometry counts float32; the planners send the raw input as uint8.
                EXPECT_EQ(e->inputBytes, st.begin == 0 ? inputBytes / 4 : inputBytes);
                ++checked;
            }
        }
    }
    std::printf("[ %-12s ] %d tiling options checked against TileGeometry\n", GetParam().c_str(), checked);
    EXPECT_GT(checked, 0);
}

TEST(PlannerNamesTest, EveryNameCreatesItsPlannerAndUnknownNamesNone)
{
    EXPECT_EQ(Planner::names(), (QStringList{"device-only", "edge-only", "cloud-only", "neurosurgeon", "edge-cloud",
                                             "dads", "hpa", "oracle"}));
    for (const QString &name : Planner::names())
        EXPECT_EQ(Planner::create(name)->name(), name);
    EXPECT_EQ(Planner::create(QStringLiteral("HPA")), nullptr);
    EXPECT_EQ(Planner::create(QString()), nullptr);
}

// On googlenet (inception blocks: cuts inside a block carry several tensors) dads runs and stays legal, and on
// every model its minimum cut is never worse than keeping the layers on one side.
TEST(DadsTest, GooglenetInceptionBlocks)
{
    const ModelGraph g = TestFiles::builtin(QStringLiteral("googlenet"));
    ASSERT_FALSE(isChain(g));
    Conditions c;
    c.deviceSpeed = 0.5;
    c.bwDeviceEdgeMbps = 20;
    c.bwEdgeCloudMbps = 5;
    const CostModel m(g, LayerCosts::fromFlops(g), c);
    const PlanResult r = Planner::create(QStringLiteral("dads"))->run(m);
    EXPECT_EQ(illegal(m, r.plan), QString());
    EXPECT_EQ(r.plan.p, r.plan.q);
    std::printf("[ googlenet    ] dads: %s, %.2f ms%s%s\n", qPrintable(r.plan.describe()), r.cost.total,
                r.note.isEmpty() ? "" : ", note: ", qPrintable(r.note));
    EXPECT_LE(r.cost.total, m.evaluate(cuts(0, 0)).total);
    EXPECT_LE(r.cost.total, m.evaluate(cuts(g.layerCount(), g.layerCount())).total);
}

INSTANTIATE_TEST_SUITE_P(BuiltinModels, PlannerTest, ::testing::ValuesIn(TestFiles::builtinModelNames()),
                         [](const auto &info) { return info.param; });

} // namespace
