#pragma once

#include "Profile.h"
#include "graph/ModelGraph.h"

#include <QString>
#include <QVector>

namespace d3::core {

/// Per-layer compute time at speed 1, the reference every tier's speed scales: measured (a profile) or estimated
/// from FLOPs. Planners say which one they used.
struct LayerCosts {
    /// Throughput the FLOP-based estimate assumes at speed 1 (about one core of a current x86 server with
    /// LibTorch: resnet18's 3.6 GFLOPs take ~50 ms there).
    static constexpr double kReferenceGflops = 60.0;

    QVector<double> ms;    ///< per layer, milliseconds at speed 1
    bool measured = false; ///< true when taken from a profile
    QString source;        ///< "FLOP estimate at 60 GFLOP/s" or the profile's machine and date

    /// The FLOP-based estimate for graph.
    static LayerCosts fromFlops(const ModelGraph &graph);
    /// The measured times of a profile (which must match the graph: see Profile::mismatch).
    static LayerCosts fromProfile(const Profile &profile);
};

} // namespace d3::core
