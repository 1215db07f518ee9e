#pragma once

#include <QString>

namespace d3::core {

/// One node of an experiment (docs/EXPERIMENTS.md, "nodes"): a local d3worker the run starts (slowdown, threads)
/// or a remote worker already running at address.
struct ExperimentNode {
    QString name;          ///< unique within the experiment, 1..128 characters of [A-Za-z0-9_.-]
    QString role;          ///< "device", "edge" or "cloud"
    double slowdown = 1;   ///< local only: compute padding factor, 1..1000
    int threads = 1;       ///< local only: torch threads, 1..256
    QString address;       ///< "HOST:PORT" of a remote worker, empty for a local one

    /// True for a worker the run starts itself (no address).
    bool isLocal() const { return address.isEmpty(); }
};

} // namespace d3::core
