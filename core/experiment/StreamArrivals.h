#pragma once

#include "ExperimentStream.h"

#include <QVector>

namespace d3::core {

/// When a stream's requests arrive (docs/EXPERIMENTS.md, Streams), ms after the stream began: request i of a fixed
/// stream at i / rate, of a Poisson stream after exponential gaps of mean 1 / rate drawn from the stream's seed (the
/// same seed, the same arrivals on any machine). A closed stream has no clock: nothing is scheduled.
class StreamArrivals
{
public:
    /// The first count arrivals of stream (all zero when it is closed).
    static QVector<double> schedule(const ExperimentStream &stream, int count);
};

} // namespace d3::core
