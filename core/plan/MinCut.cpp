#include "MinCut.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace d3::core {
namespace {

constexpr double kEpsilon = 1e-12;

} // namespace

MinCut::MinCut(int nodes) : m_adj(nodes) {}

double MinCut::infinity()
{
    return 1e18;
}

void MinCut::addEdge(int u, int v, double cap)
{
    m_adj[u] << m_edges.size();
    m_edges << Edge{v, cap};
    m_adj[v] << m_edges.size();
    m_edges << Edge{u, 0.0};
}

bool MinCut::bfs(int s, int t)
{
    m_level.fill(-1, m_adj.size());
    std::queue<int> queue;
    m_level[s] = 0;
    queue.push(s);
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop();
        for (int id : m_adj[u]) {
            const Edge &e = m_edges[id];
            if (e.cap > kEpsilon && m_level[e.to] < 0) {
                m_level[e.to] = m_level[u] + 1;
                queue.push(e.to);
            }
        }
    }
    return m_level[t] >= 0;
}

double MinCut::dfs(int u, int t, double pushed)
{
    if (u == t)
        return pushed;
    for (int &i = m_next[u]; i < m_adj[u].size(); ++i) {
        const int id = m_adj[u][i];
        Edge &e = m_edges[id];
        if (e.cap <= kEpsilon || m_level[e.to] != m_level[u] + 1)
            continue;
        const double got = dfs(e.to, t, std::min(pushed, e.cap));
        if (got > kEpsilon) {
            e.cap -= got;
            m_edges[id ^ 1].cap += got;
            return got;
        }
    }
    return 0.0;
}

double MinCut::solve(int s, int t)
{
    double flow = 0;
    while (bfs(s, t)) {
        m_next.fill(0, m_adj.size());
        while (const double f = dfs(s, t, std::numeric_limits<double>::infinity()))
            flow += f;
    }
    return flow;
}

QVector<bool> MinCut::sourceSide(int s) const
{
    QVector<bool> seen(m_adj.size(), false);
    QVector<int> stack{s};
    seen[s] = true;
    while (!stack.isEmpty()) {
        const int u = stack.takeLast();
        for (int id : m_adj[u]) {
            const Edge &e = m_edges[id];
            if (e.cap > kEpsilon && !seen[e.to]) {
                seen[e.to] = true;
                stack << e.to;
            }
        }
    }
    return seen;
}

} // namespace d3::core
