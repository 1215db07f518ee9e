#pragma once

#include "plan/Conditions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace d3::bench {

/// One point of the condition sweep.
struct SweepPoint {
    int index = 0;              ///< position in the sweep (0-based)
    double deviceSlowdown = 1;  ///< how many times slower than the cloud the device is (deviceSpeed = 1 / this)
    core::Conditions conditions; ///< the full conditions of the point

    /// {"index", "bw_de_mbps", ..., "edge_nodes", "device_slowdown"}.
    QJsonObject toJson() const;
};

/// The conditions d3bench_plan sweeps: a deterministic Latin hypercube over four axes, each sampled at N evenly
/// spaced levels (log-spaced for bandwidths and the device slowdown), one level per point and axis, the levels
/// of each axis permuted by a fixed-seed Fisher-Yates shuffle (std::mt19937, whose output the standard fixes):
///   device->edge bandwidth 1 .. 1000 Mbit/s, edge->cloud (backbone) 1 .. 1000 Mbit/s, 1 .. 8 edge nodes,
///   device 2x .. 20x slower than the cloud.
/// Every axis hits both ends of its range. The rest is fixed: base().
class ConditionSweep
{
public:
    /// Default number of points.
    static constexpr int kDefaultPoints = 32;

    /// What every point shares: cloud speed 1, each edge node 0.5 (2x slower than the cloud), edge<->edge
    /// 1000 Mbit/s, RTTs 5 ms (device<->edge), 20 ms (edge<->cloud), 0.5 ms (edge<->edge).
    static core::Conditions base();
    /// The sweep of points (>= 2) points.
    static QVector<SweepPoint> latinHypercube(int points);
    /// The sweep as a JSON array of SweepPoint::toJson().
    static QJsonArray toJson(const QVector<SweepPoint> &sweep);
    /// One line per fixed parameter and axis, for captions.
    static QString describe(int points);
};

} // namespace d3::bench
