#pragma once

#include "graph/TensorShape.h"

#include <QString>
#include <QVector>

namespace d3::bench {

/// One R x C grid of a stack as d3bench_tiling measured it.
struct GridTiming {
    int rows = 0;                   ///< R
    int cols = 0;                   ///< C
    QString skipped;                ///< why the grid does not fit the stack output (then nothing below is set)
    double redundantFlopsRatio = 0; ///< TileGeometry::redundantFlopsRatio: 1 + it is the FLOP-predicted time ratio
    qint64 tiledFlops = 0;          ///< FLOPs of all tiles, halo included
    qint64 tileHeight = 0;          ///< output rows of the tallest tile
    qint64 tileWidth = 0;           ///< output columns of the widest tile
    qint64 inputBytes = 0;          ///< bytes of stack input cropped for all tiles together (halo included)
    bool bitExact = false;          ///< stitched output bit-identical to the untiled stack's
    double maxAbsDiff = 0;          ///< largest |difference| of the stitched output from the untiled one
    double maxAbsRef = 0;           ///< largest |value| of the untiled output
    QVector<double> ms;             ///< crop + runTile + paste of every tile in turn, one entry per measured round
};

/// What d3bench_tiling measured for one model's largest fused stack.
struct StackTiming {
    QString model;                  ///< model name
    int layers = 0;                 ///< n
    int begin = 0;                  ///< the stack's first cut
    int end = 0;                    ///< its last cut
    core::TensorShape output;       ///< shape of the stack output
    qint64 flops = 0;               ///< FLOPs of the stack computed whole
    qint64 inputBytes = 0;          ///< bytes crossing cut begin (float32)
    QVector<double> untiledMs;      ///< Engine::runRange(begin, end), one entry per measured round
    QVector<GridTiming> grids;      ///< 1x1, 2x2, ... in order
};

} // namespace d3::bench
