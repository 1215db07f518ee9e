#pragma once

#include <QVector>

namespace d3::core {

/// Maximum flow / minimum s-t cut on a small directed graph (Dinic's algorithm), with real capacities.
class MinCut
{
public:
    /// A graph of nodes 0..nodes-1 and no edges.
    explicit MinCut(int nodes);
    /// Adds an edge u -> v of capacity cap (>= 0; use infinity() for uncuttable edges).
    void addEdge(int u, int v, double cap);
    /// Computes the maximum flow from s to t (= the minimum cut's capacity).
    double solve(int s, int t);
    /// After solve(): true for nodes on the source side of the minimum cut.
    QVector<bool> sourceSide(int s) const;
    /// A capacity no finite cut reaches.
    static double infinity();

private:
    struct Edge {
        int to;
        double cap;
    };
    bool bfs(int s, int t);
    double dfs(int u, int t, double pushed);

    QVector<Edge> m_edges;
    QVector<QVector<int>> m_adj;
    QVector<int> m_level;
    QVector<int> m_next;
};

} // namespace d3::core
