#pragma once

#include "FusedStack.h"
#include "Region.h"
#include "graph/ModelGraph.h"

#include <QMap>
#include <QString>
#include <QVector>

#include <optional>

namespace d3::core {

/// How one layer of a fused stack runs for one tile: which region of each input it reads, which region of its
/// output it yields, and the zero (or -inf for max pooling) padding to add where the read window passes the true
/// border of the feature map. Padding is never added at a tile border, so tiles compute exactly what the
/// monolithic layer computes there.
struct TileStep {
    int layer = 0;          ///< layer index
    Region out;             ///< output region computed (layer output coordinates)
    QVector<Region> in;     ///< per input, in layer.inputs order: the region of that tensor read
    int padTop = 0;         ///< rows of border padding above the read region (window ops only)
    int padBottom = 0;      ///< rows below
    int padLeft = 0;        ///< columns left
    int padRight = 0;       ///< columns right
};

/// One tile of a stack's output and everything needed to compute it alone.
struct Tile {
    int row = 0;                  ///< grid row
    int col = 0;                  ///< grid column
    Region out;                   ///< its region of the stack output
    QMap<int, Region> regions;    ///< tensor id -> region computed or read (stack inputs: what must be sent to it)
    QVector<TileStep> steps;      ///< the stack's layers in order
    qint64 flops = 0;             ///< its compute, halo included
    qint64 inputBytes = 0;        ///< bytes of the stack inputs it reads (float32, halo included)
};

/// Vertical separation geometry: a fused stack's output cut into an R x C grid of non-overlapping tiles, and per
/// tile the regions of every tensor in the stack, found by walking the stack backwards (the union over all
/// consumers, so residual and inception blocks tile too).
class TileGeometry
{
public:
    /// Largest grid dimension accepted.
    static constexpr int kMaxGrid = 8;

    /// Builds the geometry; nullopt with one line in *why if the grid does not fit (R or C outside 1..8, or more
    /// rows/columns than the stack output has).
    static std::optional<TileGeometry> build(const ModelGraph &graph, const FusedStack &stack, int rows, int cols,
                                             QString *why);

    /// The stack tiled.
    const FusedStack &stack() const { return m_stack; }
    /// Grid rows R.
    int rows() const { return m_rows; }
    /// Grid columns C.
    int cols() const { return m_cols; }
    /// The R x C tiles, row-major.
    const QVector<Tile> &tiles() const { return m_tiles; }
    /// FLOPs of the stack computed whole.
    qint64 untiledFlops() const { return m_untiledFlops; }
    /// FLOPs of all tiles together (halo included).
    qint64 tiledFlops() const;
    /// FLOPs of a single tile covering the whole output: untiledFlops() less the pixels that the whole run computes
    /// but no later layer reads (such as the last column of an odd-width map under a 2x2 pool); equal to it in
    /// most stacks, including the largest stack of every built-in model.
    qint64 neededFlops() const { return m_neededFlops; }
    /// (tiled - needed) / needed: the price of the halos; 0 for a 1x1 grid, never negative.
    double redundantFlopsRatio() const;

    /// The step of one layer whose output region out is needed: the input regions it reads and its border padding.
    static TileStep stepFor(const ModelGraph &graph, const Layer &layer, const Region &out);

    /// The start of slice k of n equal slices of size (uneven sizes differ by at most one).
    static qint64 sliceStart(qint64 size, int n, int k) { return size * k / n; }

private:
    FusedStack m_stack;
    int m_rows = 1;
    int m_cols = 1;
    QVector<Tile> m_tiles;
    qint64 m_untiledFlops = 0;
    qint64 m_neededFlops = 0;
};

} // namespace d3::core
