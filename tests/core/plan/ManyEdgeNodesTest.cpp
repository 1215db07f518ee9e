// The planners and the tiling on eight edge nodes (the virtual lab's `scripts/lab.sh up --edges 8`): grids up to
// 4 x 4 placed over all of them, HPA finding the oracle's optimum in a search space that grows with the nodes.
#include "TestFiles.h"

#include "plan/CostModel.h"
#include "plan/Planner.h"
#include "plan/TilingTable.h"
#include "tiling/StackFinder.h"

#include <gtest/gtest.h>

#include <QSet>

#include <cstdio>

namespace d3::core {
namespace {

/// Eight equal edge nodes near a slow device, far from the cloud: where tiling pays.
Conditions eightEdges(int nodes = 8)
{
    Conditions c;
    c.bwDeviceEdgeMbps = 1000;
    c.bwEdgeCloudMbps = 5;
    c.bwEdgeEdgeMbps = 1000;
    c.deviceSpeed = 0.1;
    c.cloudSpeed = 1;
    c.edgeSpeeds = QVector<double>(nodes, 0.5);
    return c;
}

/// The leading stack of the model as a manual rows x cols plan from the input, without placement.
Plan grid(const ModelGraph &graph, int rows, int cols)
{
    QString why;
    const auto stack = StackFinder::leading(graph, 0, graph.layerCount(), &why);
    EXPECT_TRUE(stack) << why.toStdString();
    Plan plan;
    plan.p = 0;
    plan.q = stack ? stack->end : 0;
    plan.stackEnd = plan.q;
    plan.rows = rows;
    plan.cols = cols;
    return plan;
}

/// Tiles per edge node of a placed plan.
QVector<int> tilesPerNode(const Plan &plan, int nodes)
{
    QVector<int> count(nodes, 0);
    for (int node : plan.tileNodes) {
        EXPECT_TRUE(node >= 0 && node < nodes) << node;
        if (node >= 0 && node < nodes)
            ++count[node];
    }
    return count;
}

class ManyEdgeNodesTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override { graph = test::TestFiles::builtin(QString::fromStdString(GetParam())); }
    ModelGraph graph;
};

// 4 x 4, 3 x 3 and 2 x 4 grids of the leading stack over eight equal nodes: every node computes, none more than
// its share rounded up, and the tile phase is shorter than on four nodes.
TEST_P(ManyEdgeNodesTest, GridsSpreadOverEveryNode)
{
    const CostModel eight(graph, LayerCosts::fromFlops(graph), eightEdges());
    const CostModel four = eight.withConditions(eightEdges(4));
    for (const auto &[rows, cols] : {std::pair{4, 4}, std::pair{3, 3}, std::pair{2, 4}}) {
        SCOPED_TRACE(std::to_string(rows) + "x" + std::to_string(cols));
        const Plan manual = grid(graph, rows, cols);
        if (!eight.tiling().find(manual.p, manual.stackEnd, rows, cols))
            GTEST_SKIP() << GetParam() << "'s leading stack has no " << rows << "x" << cols << " option";
        const Plan placed = eight.placed(manual);
        ASSERT_EQ(placed.tileNodes.size(), rows * cols);
        const QVector<int> count = tilesPerNode(placed, 8);
        const int share = (rows * cols + 7) / 8;
        for (int node = 0; node < 8; ++node) {
            EXPECT_GE(count[node], 1) << "edge node " << node << " idle";
            EXPECT_LE(count[node], share + 1) << "edge node " << node << " overloaded";
        }
        const CostBreakdown onEight = eight.evaluate(placed);
        const CostBreakdown onFour = four.evaluate(four.placed(manual));
        EXPECT_LT(onEight.tiles, onFour.tiles);
        std::printf("[ %-12s ] %dx%d: tile phase %.2f ms on 8 nodes, %.2f on 4; tiles per node", GetParam().c_str(),
                    rows, cols, onEight.tiles, onFour.tiles);
        for (int n : count)
            std::printf(" %d", n);
        std::printf("\n");
    }
}

// Every planner gives a legal plan on eight nodes, HPA the oracle's cost; the oracle's space holds tiled options on
// up to all eight nodes.
TEST_P(ManyEdgeNodesTest, PlannersMatchTheOracleOnEightNodes)
{
    const CostModel m(graph, LayerCosts::fromFlops(graph), eightEdges());
    std::map<QString, PlanResult> r;
    for (const QString &name : Planner::names()) {
        const PlanResult res = Planner::create(name)->run(m);
        EXPECT_TRUE(std::isfinite(res.cost.total) && res.cost.total > 0) << name.toStdString();
        for (int node : res.plan.tileNodes)
            EXPECT_TRUE(node >= 0 && node < 8) << name.toStdString() << ": tile node " << node;
        EXPECT_EQ(res.cost.total, m.evaluate(res.plan).total) << name.toStdString();
        r[name] = res;
        std::printf("[ %-12s ] %-12s %-48s %9.2f ms, decided in %.0f us\n", GetParam().c_str(), qPrintable(name),
                    qPrintable(res.plan.describe()), res.cost.total, res.decisionUs);
    }
    const double oracle = r["oracle"].cost.total;
    for (const auto &[name, res] : r)
        EXPECT_LE(oracle, res.cost.total * (1 + 1e-9)) << name.toStdString() << " beats the oracle";
    EXPECT_NEAR(r["hpa"].cost.total, oracle, 1e-9 * oracle) << r["hpa"].plan.describe().toStdString();
    // Here the edge is the place to compute and the tiles pay: HPA tiles, and spreads its tiles over more nodes than
    // the three of the default cluster.
    const Plan &hpa = r["hpa"].plan;
    ASSERT_TRUE(hpa.tiled()) << hpa.describe().toStdString();
    const QVector<int> nodes = hpa.tileNodes;
    EXPECT_GT(QSet<int>(nodes.begin(), nodes.end()).size(), 3) << hpa.describe().toStdString();
}

INSTANTIATE_TEST_SUITE_P(Builtin, ManyEdgeNodesTest, ::testing::Values("vgg16", "resnet18", "tiny_yolov2"),
                         [](const auto &info) { return info.param; });

} // namespace
} // namespace d3::core
