#pragma once

#include <QVector>

namespace d3::core {

/// Which edge node computes which tile: tiles go to K nodes in proportion to their speeds so that the slowest
/// node finishes as early as possible (longest tile first, each to the node that would finish it soonest).
struct TileAssignment {
    QVector<int> nodeOfTile;   ///< per tile: the node index (0..K-1)
    QVector<double> finish;    ///< per node: its total work divided by its speed
    double makespan = 0;       ///< the largest finish time

    /// Assigns tiles of the given costs (e.g. FLOPs) to nodes of the given relative speeds (> 0).
    /// Deterministic: ties go to the lower tile and node index.
    static TileAssignment assign(const QVector<double> &tileCosts, const QVector<double> &nodeSpeeds);
};

} // namespace d3::core
