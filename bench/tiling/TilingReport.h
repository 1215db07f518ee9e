#pragma once

#include "BenchOptions.h"
#include "StackTiming.h"

#include <QJsonDocument>
#include <QString>
#include <QVector>

namespace d3::bench {

/// Formats the results of d3bench_tiling: per model the untiled stack and every grid, with the median time,
/// its ratio to the untiled median (the halo's price), the ratio FLOPs predict (1 + redundant FLOPs ratio) and
/// the quotient of the two.
class TilingReport
{
public:
    /// A one-line caption (rounds; CPU, oneDNN, BLAS and threads: ComputePlatform::kernels), a blank line, a
    /// Markdown table (one row for the untiled stack and one per grid, per model), a note on the bit-exact column
    /// and a line naming the grids that were skipped.
    static QString markdown(const QVector<StackTiming> &timings, const BenchOptions &options, int threads);
    /// {"threads","runs","warmup","platform" (ComputePlatform::toJson),"models":[{"model","layers","stack":{
    /// "begin","end","output","flops","input_bytes"},"untiled_ms","untiled_min_ms","grids":[{"rows","cols","skipped"} or {"rows","cols",
    /// "tile_out","ms","min_ms","over_untiled","redundant_flops_ratio","predicted_ratio","over_predicted",
    /// "tiled_flops","input_bytes","bit_exact","max_abs_diff","max_abs_ref"}]}]}.
    static QJsonDocument json(const QVector<StackTiming> &timings, const BenchOptions &options, int threads);
};

} // namespace d3::bench
