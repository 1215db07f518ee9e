#include "plan/MinCut.h"

#include <gtest/gtest.h>

using d3::core::MinCut;

namespace {

QVector<bool> sides(std::initializer_list<int> sourceSide, int nodes)
{
    QVector<bool> v(nodes, false);
    for (int i : sourceSide)
        v[i] = true;
    return v;
}

// Cormen, Leiserson, Rivest, Stein, Introduction to Algorithms, figure 26.1 (s, v1..v4, t): maximum flow 23, the
// minimum cut ({s, v1, v2, v4}, {v3, t}) of capacity 12 + 7 + 4.
TEST(MinCutTest, ClrsFigure)
{
    enum { s, v1, v2, v3, v4, t };
    MinCut g(6);
    g.addEdge(s, v1, 16);
    g.addEdge(s, v2, 13);
    g.addEdge(v1, v3, 12);
    g.addEdge(v2, v1, 4);
    g.addEdge(v2, v4, 14);
    g.addEdge(v3, v2, 9);
    g.addEdge(v3, t, 20);
    g.addEdge(v4, v3, 7);
    g.addEdge(v4, t, 4);
    EXPECT_DOUBLE_EQ(g.solve(s, t), 23.0);
    EXPECT_EQ(g.sourceSide(s), sides({s, v1, v2, v4}, 6));
}

// Sedgewick and Wayne, Algorithms 4th ed., the tinyFN network (6 vertices, 8 edges): maximum flow 4.0, source side
// of the minimum cut {0, 2}.
TEST(MinCutTest, SedgewickTinyFlowNetwork)
{
    MinCut g(6);
    g.addEdge(0, 1, 2.0);
    g.addEdge(0, 2, 3.0);
    g.addEdge(1, 3, 3.0);
    g.addEdge(1, 4, 1.0);
    g.addEdge(2, 3, 1.0);
    g.addEdge(2, 4, 1.0);
    g.addEdge(3, 5, 2.0);
    g.addEdge(4, 5, 3.0);
    EXPECT_DOUBLE_EQ(g.solve(0, 5), 4.0);
    EXPECT_EQ(g.sourceSide(0), sides({0, 2}, 6));
}

// The cut next to the source is the bottleneck: nothing but the source on its side.
TEST(MinCutTest, SaturatedSourceEdges)
{
    MinCut g(4); // s=0, a=1, b=2, t=3
    g.addEdge(0, 1, 3);
    g.addEdge(0, 2, 2);
    g.addEdge(1, 2, 1);
    g.addEdge(1, 3, 2);
    g.addEdge(2, 3, 3);
    EXPECT_DOUBLE_EQ(g.solve(0, 3), 5.0);
    EXPECT_EQ(g.sourceSide(0), sides({0}, 4));
}

// Unit capacities: a bipartite matching. Left {1, 2, 3}, right {4, 5, 6}; 1-4, 1-5, 2-4, 3-4: the maximum matching
// has 2 edges (3 and 2 both want only 4).
TEST(MinCutTest, BipartiteMatching)
{
    MinCut g(8); // source 0, sink 7
    for (int l : {1, 2, 3})
        g.addEdge(0, l, 1);
    for (int r : {4, 5, 6})
        g.addEdge(r, 7, 1);
    g.addEdge(1, 4, 1);
    g.addEdge(1, 5, 1);
    g.addEdge(2, 4, 1);
    g.addEdge(3, 4, 1);
    EXPECT_DOUBLE_EQ(g.solve(0, 7), 2.0);
    const QVector<bool> side = g.sourceSide(0);
    EXPECT_TRUE(side[0]);
    EXPECT_FALSE(side[7]);
}

// Uncuttable edges keep their ends together; real-valued capacities add up.
TEST(MinCutTest, InfiniteEdgesAndRealCapacities)
{
    MinCut g(4);
    g.addEdge(0, 1, MinCut::infinity());
    g.addEdge(1, 2, 0.1);
    g.addEdge(1, 3, 0.2);
    g.addEdge(2, 3, MinCut::infinity());
    EXPECT_NEAR(g.solve(0, 3), 0.3, 1e-15);
    EXPECT_EQ(g.sourceSide(0), sides({0, 1}, 4));
}

TEST(MinCutTest, NoPathMeansNoFlow)
{
    MinCut g(4);
    g.addEdge(0, 1, 5);
    g.addEdge(2, 3, 5);
    EXPECT_DOUBLE_EQ(g.solve(0, 3), 0.0);
    EXPECT_EQ(g.sourceSide(0), sides({0, 1}, 4));
}

// Antiparallel edges and a long path through a cycle.
TEST(MinCutTest, AntiparallelEdges)
{
    MinCut g(4);
    g.addEdge(0, 1, 10);
    g.addEdge(1, 2, 4);
    g.addEdge(2, 1, 6);
    g.addEdge(0, 2, 2);
    g.addEdge(2, 3, 5);
    g.addEdge(1, 3, 3);
    EXPECT_DOUBLE_EQ(g.solve(0, 3), 8.0);
    EXPECT_EQ(g.sourceSide(0), sides({0, 1, 2}, 4));
}

} // namespace
