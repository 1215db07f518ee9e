#pragma once

#include "BenchOptions.h"
#include "CodecTiming.h"

#include <QJsonDocument>
#include <QString>
#include <QVector>

namespace d3::bench {

/// d3bench_codec's report: per model the codecs' ratios over its cuts (raw bytes over encoded, median and largest,
/// and at the cut with the fewest raw bytes), the share of zeros, and the codecs' speed on one core; the JSON holds
/// every cut.
class CodecReport
{
public:
    /// The Markdown table.
    static QString markdown(const QVector<CodecTiming> &timings, const BenchOptions &options, int threads);
    /// {"threads", "runs", "warmup", "models": [{"model", "largest_bytes", "gbs": {...}, "cuts": [{"position",
    /// "raw", "zero", "shuffle_zstd", "zero_fraction"}]}]}.
    static QJsonDocument json(const QVector<CodecTiming> &timings, const BenchOptions &options, int threads);
};

} // namespace d3::bench
