#pragma once

#include "BenchOptions.h"
#include "CodecTiming.h"
#include "graph/ModelGraph.h"

#include <QString>

#include <optional>

namespace d3::bench {

/// The wire codecs on a model with seeded weights (batch-norm statistics that are not the identity) from the
/// synthetic input: engine::CodecProbe's figures at every cut inside the model.
class CutCodecs
{
public:
    /// The figures of one model; nullopt with one line in *error (a model that does not build or run, a codec
    /// that did not give back the same bits).
    static std::optional<CodecTiming> run(const core::ModelGraph &graph, const BenchOptions &options, QString *error);
};

} // namespace d3::bench
