#pragma once

#include "BenchOptions.h"
#include "ModelTiming.h"

#include <QJsonDocument>
#include <QString>
#include <QVector>

namespace d3::bench {

/// Formats the results of d3bench_engine: medians per variant and the ratios engine/plain and split/engine
/// (ratios of the medians).
class BenchReport
{
public:
    /// A one-line caption (rounds; CPU, oneDNN, BLAS and threads: ComputePlatform::kernels), a blank line and a
    /// Markdown table, one row per model.
    static QString markdown(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads);
    /// {"threads","runs","warmup","platform" (ComputePlatform::toJson),"models":[{"model","layers","cuts",
    /// "cut_bytes","plain_ms","engine_ms","split_ms","plain_min_ms","engine_min_ms","split_min_ms",
    /// "engine_over_plain","split_over_engine","bit_exact","max_abs_diff"}]}; with --reference-blas also "reference_blas", "reference_blas_ms",
    /// "reference_blas_min_ms", "reference_blas_over_engine" and "reference_blas_max_abs_diff"; with
    /// --no-onednn-variant "no_onednn_ms", "no_onednn_min_ms", "no_onednn_over_engine", "no_onednn_bit_exact" and
    /// "no_onednn_max_abs_diff".
    static QJsonDocument json(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads);
};

} // namespace d3::bench
