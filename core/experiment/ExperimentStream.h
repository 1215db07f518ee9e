#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// An experiment's "stream" (docs/EXPERIMENTS.md, Streams): each phase's requests as a pipelined stream instead of
/// one at a time. Arrivals come open loop (at a fixed interval, or Poisson at a mean rate from a seed) or closed loop
/// (a new request as soon as one ends); at most inFlight requests are in the cluster at once, arrivals beyond that
/// wait at the device in a queue of at most queue, and an arrival that finds the queue full drops a request by the
/// drop policy, recorded as dropped.
struct ExperimentStream {
    /// How requests arrive.
    enum class Arrivals { Fixed, Poisson, Closed };
    /// Which request an arrival at a full queue drops.
    enum class Drop { Oldest, Newest };

    /// Most requests in flight (a stitching edge node keeps as many unfinished tiled requests).
    static constexpr int kMaxInFlight = 32;
    /// Most arrivals waiting.
    static constexpr int kMaxQueue = 4096;
    /// Highest offered rate.
    static constexpr double kMaxRateHz = 10000;

    bool enabled = false;                ///< the file has a "stream": phases run as streams
    Arrivals arrivals = Arrivals::Fixed; ///< "fixed", "poisson" or "closed"
    double rateHz = 0;                   ///< offered requests per second (fixed, poisson; > 0), 0 when closed
    int inFlight = 4;                    ///< requests in the cluster at once, at most, 1..kMaxInFlight
    int queue = 16;                      ///< arrivals waiting at the device, at most, 0..kMaxQueue
    Drop drop = Drop::Oldest;            ///< "oldest": the longest waiting goes; "newest": the arrival goes
    quint64 seed = 1;                    ///< the Poisson arrivals' seed

    /// The arrival names, in Arrivals order: "fixed", "poisson", "closed".
    static QStringList arrivalNames()
    {
        return {QStringLiteral("fixed"), QStringLiteral("poisson"), QStringLiteral("closed")};
    }
    /// The drop policy names, in Drop order: "oldest", "newest".
    static QStringList dropNames() { return {QStringLiteral("oldest"), QStringLiteral("newest")}; }
    /// True when requests arrive on a clock (fixed or Poisson).
    bool openLoop() const { return arrivals != Arrivals::Closed; }
};

} // namespace d3::core
