#pragma once

#include "graph/ModelGraph.h"

#include <QVector>

namespace d3::core {

/// The cost of one tiling option: stack [p, s) as a rows x cols grid.
struct TilingEntry {
    int p = 0;                    ///< stack start (the device | edge cut)
    int s = 0;                    ///< stack end
    int rows = 1;                 ///< grid rows
    int cols = 1;                 ///< grid columns
    QVector<double> tileMs;       ///< per tile: compute at speed 1, halo included
    double sumMs = 0;             ///< sum of tileMs
    double maxMs = 0;             ///< largest of tileMs
    qint64 inputBytes = 0;        ///< what the device sends for all tiles (halos included; uint8 at p = 0)
    QVector<qint64> tileInBytes;  ///< per tile: its share of inputBytes (what the device sends its node for it)
    QVector<qint64> tileOutBytes; ///< per tile: its output bytes (what gathering moves)
};

/// Every tiling option of a model, precomputed once per set of layer costs: for each stack end and grid one
/// backward walk (TileGeometry's rule) yields the tile costs of every stack start at once. The planners read it
/// instead of building thousands of geometries.
class TilingTable
{
public:
    /// Largest grid dimension the planners consider.
    static constexpr int kMaxGrid = 4;

    /// Builds the table from per-layer times at speed 1.
    TilingTable(const ModelGraph &graph, const QVector<double> &msAtSpeed1);

    /// A table without options for a graph of layers layers (planning without vertical separation).
    static TilingTable none(int layers);

    /// All options whose stack starts at p.
    const QVector<TilingEntry> &startingAt(int p) const { return m_byStart.at(p); }
    /// The option (p, s, rows, cols), or nullptr.
    const TilingEntry *find(int p, int s, int rows, int cols) const;

private:
    TilingTable() = default;
    QVector<QVector<TilingEntry>> m_byStart;
};

} // namespace d3::core
