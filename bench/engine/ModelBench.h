#pragma once

#include "BenchOptions.h"
#include "ModelTiming.h"
#include "graph/ModelGraph.h"

#include <optional>

namespace d3::bench {

/// Times one model three ways (plain LibTorch, Engine::forward, Engine::forwardSplit at n/3 and 2n/3) in
/// interleaved rounds: each round runs every variant once, starting with a different one each round, so drift
/// and noise of a shared machine hit all three alike. Seeded weights (seed 1) and a synthetic input. Given the
/// folder of another BLAS (referenceBlasDir), a fourth variant runs Engine::forward on that BLAS in a child process
/// (ReferenceBlasEngine), in the same rounds; with noOneDnn, a fifth runs Engine::forward with oneDNN turned off.
class ModelBench
{
public:
    /// Builds the model, checks that the three variants agree, then runs options.warmup + options.runs rounds
    /// on the calling thread. On failure nullopt and one line in *error.
    static std::optional<ModelTiming> run(const core::ModelGraph &graph, const BenchOptions &options,
                                          const QString &referenceBlasDir, bool noOneDnn, QString *error);
};

} // namespace d3::bench
