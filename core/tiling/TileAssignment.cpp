#include "TileAssignment.h"

#include <algorithm>
#include <numeric>

namespace d3::core {

TileAssignment TileAssignment::assign(const QVector<double> &tileCosts, const QVector<double> &nodeSpeeds)
{
    TileAssignment a;
    a.nodeOfTile.fill(-1, tileCosts.size());
    a.finish.fill(0.0, nodeSpeeds.size());
    if (nodeSpeeds.isEmpty())
        return a;
    QVector<int> order(tileCosts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return tileCosts[x] > tileCosts[y]; });
    QVector<double> work(nodeSpeeds.size(), 0.0);
    for (int tile : order) {
        int best = 0;
        double bestFinish = 0;
        for (int n = 0; n < nodeSpeeds.size(); ++n) {
            const double f = (work[n] + tileCosts[tile]) / nodeSpeeds[n];
            if (n == 0 || f < bestFinish) {
                best = n;
                bestFinish = f;
            }
        }
        work[best] += tileCosts[tile];
        a.nodeOfTile[tile] = best;
    }
    for (int n = 0; n < nodeSpeeds.size(); ++n)
        a.finish[n] = work[n] / nodeSpeeds[n];
    a.makespan = *std::max_element(a.finish.begin(), a.finish.end());
    return a;
}

} // namespace d3::core
