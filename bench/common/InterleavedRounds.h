#pragma once

#include "BenchOptions.h"

#include <QVector>

#include <functional>
#include <vector>

namespace d3::bench {

/// The timing loop of every benchmark: options.warmup unmeasured rounds, then options.runs measured ones; each
/// round runs every variant once, and a different variant leads each round, so that drift and noise of a shared
/// machine hit all variants alike.
class InterleavedRounds
{
public:
    /// A variant: runs once, false on failure (the variant leaves its error where the caller can read it).
    using Variant = std::function<bool()>;

    /// Runs the rounds on the calling thread. On return (*samples)[v] holds variant v's wall time in ms, one entry
    /// per measured round. Stops at the first variant that fails and returns false.
    static bool run(const std::vector<Variant> &variants, const BenchOptions &options,
                    QVector<QVector<double>> *samples);
};

} // namespace d3::bench
