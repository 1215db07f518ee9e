#pragma once

#include "BenchOptions.h"

#include <QVector>

#include <functional>
#include <vector>

namespace d3::bench {

/// Median wall and thread-CPU time of one decision, microseconds.
struct DecisionTime {
    double wallUs = 0; ///< elapsed time (what a caller waits; includes time the thread spent preempted)
    double cpuUs = 0;  ///< CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID: what the decision costs)
};

/// InterleavedRounds' scheme (options.warmup unmeasured rounds, then options.runs measured ones; each round runs
/// every variant once, a different variant leading each round), recording each run's wall time and the calling
/// thread's CPU time. On a loaded machine the wall times also hold the time the thread waited for a core; the CPU
/// times do not, which makes them the steadier measure of the decision's own cost.
class DecisionTimer
{
public:
    /// Runs the rounds; returns per variant the medians over the measured rounds.
    static QVector<DecisionTime> run(const std::vector<std::function<void()>> &variants, const BenchOptions &options);
};

} // namespace d3::bench
