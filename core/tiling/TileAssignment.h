#pragma once

#include <QVector>

namespace d3::core {

/// Which edge node computes which tile: tiles go to K nodes in proportion to their speeds so that the slowest
/// node finishes as early as possible (longest tile first, each to the node that would finish it soonest).
struct TileAssignment {
    QVector<int> nodeOfTile;   ///< per tile: the node index (0..K-1), or -1 when no node has a positive speed
    QVector<double> finish;    ///< per node: its total work divided by its speed
    double makespan = 0;       ///< the largest finish time

    /// Assigns tiles of the given costs (e.g. FLOPs) to nodes of the given relative speeds. A node whose speed is
    /// not positive (0, negative or NaN: stopped or unmeasured) is skipped: it gets no tile and finish 0. If no node
    /// has a positive speed, every tile stays -1 and the makespan is infinite (0 when there are no tiles).
    /// Deterministic: ties go to the lower tile and node index.
    static TileAssignment assign(const QVector<double> &tileCosts, const QVector<double> &nodeSpeeds);

    /// The same rule on raw arrays, allocation-free up to kMaxFastTiles tiles and nodes (planners try many
    /// options): costs of `tiles` tiles on `nodes` nodes of positive speeds; writes each tile's node to nodeOfTile
    /// (may be null) and returns the makespan.
    static double longestFirst(const double *costs, int tiles, const double *speeds, int nodes, int *nodeOfTile);
    /// Tiles and nodes longestFirst() handles without allocating.
    static constexpr int kMaxFastTiles = 64;
};

} // namespace d3::core
