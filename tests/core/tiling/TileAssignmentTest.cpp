#include "TinyModels.h"
#include "TestFiles.h"

#include "tiling/StackFinder.h"
#include "tiling/TileAssignment.h"
#include "tiling/TileGeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using d3::core::TileAssignment;

namespace {

/// The finish times of an assignment computed afresh.
QVector<double> finishOf(const QVector<int> &nodeOfTile, const QVector<double> &costs, const QVector<double> &speeds)
{
    QVector<double> work(speeds.size(), 0.0);
    for (int t = 0; t < costs.size(); ++t)
        work[nodeOfTile[t]] += costs[t];
    for (int n = 0; n < speeds.size(); ++n)
        work[n] = speeds[n] > 0 ? work[n] / speeds[n] : 0.0;
    return work;
}

/// Expects a complete, self-consistent assignment: every tile on a node of positive speed, finish and makespan
/// matching the tiles each node got.
void expectConsistent(const TileAssignment &a, const QVector<double> &costs, const QVector<double> &speeds)
{
    ASSERT_EQ(a.nodeOfTile.size(), costs.size());
    ASSERT_EQ(a.finish.size(), speeds.size());
    for (int t = 0; t < costs.size(); ++t) {
        ASSERT_GE(a.nodeOfTile[t], 0) << "tile " << t;
        ASSERT_LT(a.nodeOfTile[t], speeds.size()) << "tile " << t;
        EXPECT_GT(speeds[a.nodeOfTile[t]], 0) << "tile " << t << " went to a node that cannot compute";
    }
    const QVector<double> finish = finishOf(a.nodeOfTile, costs, speeds);
    for (int n = 0; n < speeds.size(); ++n)
        EXPECT_DOUBLE_EQ(a.finish[n], finish[n]) << "node " << n;
    EXPECT_DOUBLE_EQ(a.makespan, *std::max_element(finish.begin(), finish.end()));
}

/// The best makespan over every assignment of tiles to nodes (K^n of them).
double bruteForceMakespan(const QVector<double> &costs, const QVector<double> &speeds)
{
    const int k = speeds.size(), n = costs.size();
    double best = std::numeric_limits<double>::infinity();
    QVector<int> choice(n, 0);
    while (true) {
        QVector<double> work(k, 0.0);
        for (int t = 0; t < n; ++t)
            work[choice[t]] += costs[t];
        double makespan = 0;
        for (int m = 0; m < k; ++m)
            makespan = std::max(makespan, work[m] / speeds[m]);
        best = std::min(best, makespan);
        int t = 0;
        while (t < n && ++choice[t] == k)
            choice[t++] = 0;
        if (t == n)
            break;
    }
    return best;
}

QVector<int> tilesPerNode(const TileAssignment &a, int nodes)
{
    QVector<int> count(nodes, 0);
    for (int n : a.nodeOfTile)
        ++count[n];
    return count;
}

TEST(TileAssignmentTest, EqualTilesOnEqualNodesSplitEvenly)
{
    for (int tiles = 1; tiles <= 64; ++tiles) {
        for (int nodes = 1; nodes <= 5; ++nodes) {
            const QVector<double> costs(tiles, 10.0), speeds(nodes, 1.0);
            const TileAssignment a = TileAssignment::assign(costs, speeds);
            expectConsistent(a, costs, speeds);
            const QVector<int> count = tilesPerNode(a, nodes);
            const auto [lo, hi] = std::minmax_element(count.begin(), count.end());
            EXPECT_LE(*hi - *lo, 1) << tiles << " tiles on " << nodes << " nodes";
            EXPECT_DOUBLE_EQ(a.makespan, 10.0 * std::ceil(double(tiles) / nodes));
        }
    }
    // 9 tiles on 2 nodes: 5 and 4 (ties to the lower node).
    EXPECT_EQ(tilesPerNode(TileAssignment::assign(QVector<double>(9, 1.0), {1.0, 1.0}), 2), (QVector<int>{5, 4}));
}

TEST(TileAssignmentTest, FasterNodesGetMoreWork)
{
    // 16 equal tiles on nodes of speeds 1, 2, 4: a makespan of 2.25 would allow at most 2 + 4 + 9 = 15 tiles, so the
    // best is 2.5 (e.g. 2, 5, 9 or 2, 4, 10).
    const QVector<double> costs(16, 1.0), speeds{1.0, 2.0, 4.0};
    const TileAssignment a = TileAssignment::assign(costs, speeds);
    expectConsistent(a, costs, speeds);
    const QVector<int> count = tilesPerNode(a, 3);
    EXPECT_LT(count[0], count[1]);
    EXPECT_LT(count[1], count[2]);
    EXPECT_EQ(count[0] + count[1] + count[2], 16);
    double best = std::numeric_limits<double>::infinity();
    for (int x = 0; x <= 16; ++x) {
        for (int y = 0; x + y <= 16; ++y)
            best = std::min(best, std::max({x / 1.0, y / 2.0, (16 - x - y) / 4.0}));
    }
    EXPECT_DOUBLE_EQ(best, 2.5);
    EXPECT_DOUBLE_EQ(a.makespan, best);

    // 9 tiles on a slow and a fast node: the fast one gets more.
    const QVector<double> nine(9, 3.0);
    const TileAssignment b = TileAssignment::assign(nine, {1.0, 3.0});
    expectConsistent(b, nine, {1.0, 3.0});
    EXPECT_GT(tilesPerNode(b, 2)[1], tilesPerNode(b, 2)[0]);
    EXPECT_LE(b.makespan, bruteForceMakespan(nine, {1.0, 3.0}) * 4.0 / 3.0);
}

TEST(TileAssignmentTest, MakespanIsWithinTheLptBoundOfTheBestAssignment)
{
    // Exhaustive over every assignment for small cases. The 4/3 bound is LPT's on identical machines
    // (4/3 - 1/(3K)); on these uneven-speed cases LPT (earliest finish) stays within it as well.
    std::mt19937 random(2024);
    std::uniform_int_distribution<int> cost(1, 40);
    const QVector<QVector<double>> speedSets{{1, 1}, {1, 1, 1}, {1, 2}, {1, 3}, {1, 2, 4}, {1, 1, 3}, {2.5, 1, 0.5}};
    int cases = 0;
    for (const QVector<double> &speeds : speedSets) {
        for (int tiles : {2, 4, 5, 6, 7}) {
            for (int round = 0; round < 25; ++round) {
                QVector<double> costs;
                for (int t = 0; t < tiles; ++t)
                    costs << cost(random);
                const TileAssignment a = TileAssignment::assign(costs, speeds);
                expectConsistent(a, costs, speeds);
                const double best = bruteForceMakespan(costs, speeds);
                EXPECT_GE(a.makespan, best - 1e-9);
                const bool identical = std::all_of(speeds.begin(), speeds.end(), [&](double s) { return s == speeds[0]; });
                const double bound = identical ? 4.0 / 3.0 - 1.0 / (3.0 * speeds.size()) : 4.0 / 3.0;
                EXPECT_LE(a.makespan, best * bound + 1e-9) << "costs " << costs.size() << " speeds " << speeds.size();
                ++cases;
            }
        }
    }
    EXPECT_EQ(cases, 7 * 5 * 25);
}

TEST(TileAssignmentTest, RealTileCostsOfAGrid)
{
    const auto g = d3::test::TestFiles::builtin(QStringLiteral("vgg16"));
    const auto stack = d3::core::StackFinder::largest(g);
    ASSERT_TRUE(stack.has_value());
    QString why;
    const auto geometry = d3::core::TileGeometry::build(g, *stack, 3, 3, &why);
    ASSERT_TRUE(geometry.has_value()) << why.toStdString();
    QVector<double> costs;
    for (const auto &t : geometry->tiles())
        costs << double(t.flops);
    for (const QVector<double> &speeds : QVector<QVector<double>>{{1, 1}, {1, 2, 4}, {3, 1, 1, 1}}) {
        const TileAssignment a = TileAssignment::assign(costs, speeds);
        expectConsistent(a, costs, speeds);
        // The lower bound of any assignment: all work spread perfectly over the total speed, or the biggest tile
        // on the fastest node.
        double total = 0, speedSum = 0;
        for (double c : costs)
            total += c;
        for (double s : speeds)
            speedSum += s;
        const double lower = std::max(total / speedSum, *std::max_element(costs.begin(), costs.end())
                                                            / *std::max_element(speeds.begin(), speeds.end()));
        EXPECT_GE(a.makespan, lower * (1 - 1e-12));
        EXPECT_LE(a.makespan, lower * 4.0 / 3.0 + 1e-6);
    }
}

TEST(TileAssignmentTest, NodesWithoutPositiveSpeedGetNoWork)
{
    const QVector<double> costs{5, 4, 3, 3, 2, 1, 0, 0};
    for (const QVector<double> &speeds : QVector<QVector<double>>{{0, 1, 2}, {1, 0}, {0, 0, 3}, {-1, 1}, {2, -0.5, 0, 1},
                                                                  {std::nan(""), 1}}) {
        const TileAssignment a = TileAssignment::assign(costs, speeds);
        expectConsistent(a, costs, speeds);
        for (int n = 0; n < speeds.size(); ++n) {
            if (!(speeds[n] > 0)) {
                EXPECT_EQ(a.finish[n], 0.0) << "node " << n;
                EXPECT_EQ(tilesPerNode(a, speeds.size())[n], 0) << "node " << n;
            }
        }
        EXPECT_TRUE(std::isfinite(a.makespan));
    }
    // No node can compute: nothing assigned, and the makespan says so.
    const TileAssignment none = TileAssignment::assign(costs, {0, 0});
    EXPECT_EQ(none.nodeOfTile, QVector<int>(costs.size(), -1));
    EXPECT_EQ(none.finish, (QVector<double>{0, 0}));
    EXPECT_TRUE(std::isinf(none.makespan));
    const TileAssignment empty = TileAssignment::assign(costs, {});
    EXPECT_EQ(empty.nodeOfTile, QVector<int>(costs.size(), -1));
    EXPECT_TRUE(TileAssignment::assign({}, {1, 2}).nodeOfTile.isEmpty());
    EXPECT_EQ(TileAssignment::assign({}, {1, 2}).makespan, 0.0);
}

TEST(TileAssignmentTest, LongestFirstOnRawArraysAgreesWithAssign)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<double> cost(0.5, 50), speed(0.25, 4);
    for (int round = 0; round < 200; ++round) {
        const int tiles = 1 + round % 64, nodes = 1 + round % 5;
        QVector<double> costs, speeds;
        for (int t = 0; t < tiles; ++t)
            costs << (round % 3 == 0 ? 8.0 : cost(random)); // equal costs exercise the ties
        for (int n = 0; n < nodes; ++n)
            speeds << (round % 4 == 0 ? 1.0 : speed(random));
        const TileAssignment a = TileAssignment::assign(costs, speeds);
        QVector<int> nodeOfTile(tiles, -1);
        const double makespan = TileAssignment::longestFirst(costs.constData(), tiles, speeds.constData(), nodes,
                                                             nodeOfTile.data());
        EXPECT_EQ(nodeOfTile, a.nodeOfTile) << tiles << " tiles on " << nodes << " nodes";
        EXPECT_DOUBLE_EQ(makespan, a.makespan);
        EXPECT_DOUBLE_EQ(TileAssignment::longestFirst(costs.constData(), tiles, speeds.constData(), nodes, nullptr),
                         makespan);
    }
}

TEST(TileAssignmentTest, IsDeterministic)
{
    const QVector<double> costs{4, 4, 4, 2, 2, 7, 1, 1, 3};
    const QVector<double> speeds{1, 1.5, 1};
    const TileAssignment a = TileAssignment::assign(costs, speeds);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(TileAssignment::assign(costs, speeds).nodeOfTile, a.nodeOfTile);
    // Equal tiles on equal nodes: the first tile goes to node 0.
    EXPECT_EQ(TileAssignment::assign({1, 1}, {1, 1}).nodeOfTile, (QVector<int>{0, 1}));
}

} // namespace
