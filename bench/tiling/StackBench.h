#pragma once

#include "BenchOptions.h"
#include "StackTiming.h"
#include "graph/ModelGraph.h"

#include <optional>

namespace d3::bench {

/// Times a model's largest fused stack (StackFinder::largest) whole and as square grids, in interleaved
/// rounds on the calling thread. Seeded weights (seed 1) and a synthetic input; the crossing tensors at the
/// stack's first cut are computed once, outside the timing.
class StackBench
{
public:
    /// The grids timed: 1x1 up to kMaxGrid x kMaxGrid.
    static constexpr int kMaxGrid = 4;

    /// Builds the model, checks every grid's stitched output against the untiled one (within 1e-5 relative),
    /// then runs options.warmup + options.runs rounds. A grid larger than the stack output is skipped (with the
    /// reason). On failure nullopt and one line in *error.
    static std::optional<StackTiming> run(const core::ModelGraph &graph, const BenchOptions &options,
                                          QString *error);
};

} // namespace d3::bench
