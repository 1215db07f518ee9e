#pragma once

#include "Experiment.h"
#include "JsonFieldReader.h"

namespace d3::core {

/// The strict reading of an experiment's "stream" and "objective" (docs/EXPERIMENTS.md, Streams) behind
/// ExperimentParser: arrivals, rate, in-flight bound, queue, drop policy and seed typed and ranged; a rate exactly
/// when arrivals run on a clock; no "requests.rate_hz" beside a stream; latency_under_rate only with a rate to meet.
/// The first problem is recorded as "PATH: message" in the error top shares.
class ExperimentStreamParser
{
public:
    /// Reads top's "stream" and "objective" into *experiment (its "requests" already read); error is top's.
    static void read(JsonFieldReader &top, Experiment *experiment, QString *error);
};

} // namespace d3::core
