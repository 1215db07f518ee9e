#pragma once

#include "BenchOptions.h"
#include "CodecTiming.h"
#include "graph/ModelGraph.h"

#include <QString>

#include <optional>

namespace d3::bench {

/// Runs a model once from the synthetic input (seeded weights, batch-norm statistics that are not the identity),
/// layer range by layer range, and at every cut encodes the crossing float32 tensors with each wire codec, checks
/// that they decode bit-identical, and counts the bytes; then times each codec on the largest crossing tensor.
class CutCodecs
{
public:
    /// The figures of one model; nullopt with one line in *error (a model that does not build or run, a codec
    /// that did not give back the same bits).
    static std::optional<CodecTiming> run(const core::ModelGraph &graph, const BenchOptions &options, QString *error);
};

} // namespace d3::bench
