#include "TileAssignment.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace d3::core {

TileAssignment TileAssignment::assign(const QVector<double> &tileCosts, const QVector<double> &nodeSpeeds)
{
    TileAssignment a;
    a.nodeOfTile.fill(-1, tileCosts.size());
    a.finish.fill(0.0, nodeSpeeds.size());
    QVector<int> usable;
    for (int n = 0; n < nodeSpeeds.size(); ++n) {
        if (nodeSpeeds[n] > 0) // also false for NaN
            usable << n;
    }
    if (usable.isEmpty()) {
        if (!tileCosts.isEmpty())
            a.makespan = std::numeric_limits<double>::infinity();
        return a;
    }
    QVector<double> speeds;
    for (int n : usable)
        speeds << nodeSpeeds[n];
    QVector<int> local(tileCosts.size());
    QVector<double> work(nodeSpeeds.size(), 0.0);
    longestFirst(tileCosts.constData(), tileCosts.size(), speeds.constData(), speeds.size(), local.data());
    for (int tile = 0; tile < tileCosts.size(); ++tile) {
        a.nodeOfTile[tile] = usable[local[tile]];
        work[usable[local[tile]]] += tileCosts[tile];
    }
    for (int n : usable)
        a.finish[n] = work[n] / nodeSpeeds[n];
    a.makespan = *std::max_element(a.finish.begin(), a.finish.end());
    return a;
}

double TileAssignment::longestFirst(const double *costs, int tiles, const double *speeds, int nodes, int *nodeOfTile)
{
    QVarLengthArray<int, kMaxFastTiles> order(tiles);
    for (int i = 0; i < tiles; ++i) {
        int j = i;
        while (j > 0 && costs[order[j - 1]] < costs[i]) { // stable: equal costs keep index order
            order[j] = order[j - 1];
            --j;
        }
        order[j] = i;
    }
    QVarLengthArray<double, kMaxFastTiles> load(nodes);
    std::fill(load.begin(), load.end(), 0.0);
    for (int i = 0; i < tiles; ++i) {
        const int tile = order[i];
        int best = 0;
        double bestFinish = (load[0] + costs[tile]) / speeds[0];
        for (int n = 1; n < nodes; ++n) {
            const double f = (load[n] + costs[tile]) / speeds[n];
            if (f < bestFinish) {
                best = n;
                bestFinish = f;
            }
        }
        load[best] += costs[tile];
        if (nodeOfTile)
            nodeOfTile[tile] = best;
    }
    double makespan = 0;
    for (int n = 0; n < nodes; ++n)
        makespan = std::max(makespan, load[n] / speeds[n]);
    return makespan;
}

} // namespace d3::core
