#pragma once

#include "Planner.h"

namespace d3::core {

/// D3's horizontal partition algorithm: a three-way, tiling-aware plan, and its run-time partial adjustment.
///
/// A fresh plan is a dynamic program over the cost model: for every first part (device [0, p), the uplink and,
/// if tiled, the tile phase of a stack [p, s) on k edge nodes) it adds the best tail from s, which was computed
/// once for every s as a suffix minimum (O(n x options) instead of the oracle's O(n^2 x options)), skipping heads
/// whose lower bound cannot win; it finds the oracle's optimum.
///
/// adjust() is the part that runs while requests flow: given the current plan and new conditions (a bandwidth
/// step, a slowed node), it re-searches only a window of positions around the current cuts (plus the three
/// positions at either end of the model, where a large change such as a collapsed backbone sends the cuts) and the
/// grids next to
/// the current one, and moves only if the best plan there beats the current one by more than the threshold
/// (hysteresis, so near-equal plans do not flap). Workers hold the whole model, so a move ships no weights.
///
/// Both follow the model's objective (CostModel::better). Under Throughput and LatencyUnderRate the device and the
/// stitching edge node are busy in both the first part and the rest, so the rest that suits a first part depends
/// on it: each first part that the lower bounds (its own and the least bottleneck of any rest from s) do not rule
/// out is joined with every rest from s, each in O(1) from the rests' busy times precomputed once. adjust() then
/// searches every edge|cloud cut for the first parts in its window (the balanced cut a stream wants is seldom near
/// the current one or an end), and measures the threshold in the objective's own figure (latency ms; bottleneck
/// ms; under a rate, latency ms among plans that sustain it, and a plan that sustains it where the current one does
/// not always moves).
class HpaPlanner : public Planner
{
public:
    /// Tuning of the adjustment.
    struct Settings {
        int window = 0;          ///< cut positions searched on each side of a cut and at each end; 0 = max(4, n / 8)
        double threshold = 0.05; ///< relative improvement needed to move (0.05 = 5 % better in the objective's figure)
    };
    /// What an adjustment decided.
    struct Adjustment {
        Plan plan;                      ///< the plan to use from the next request on
        bool moved = false;             ///< whether it differs from the current plan
        QString what;                   ///< what moved, e.g. "edge|cloud cut 14 -> 18" (under a stream objective
                                        ///< then "; bottleneck backbone -> cloud" when that moved), or why nothing did
        double currentMs = 0;           ///< the current plan's predicted time under the new conditions
        double bestMs = 0;              ///< the returned plan's predicted time
        QString currentBottleneck;      ///< the current plan's busiest resource under the new conditions ("backbone")
        double currentBottleneckMs = 0; ///< and its busy ms per request
        QString bestBottleneck;         ///< the returned plan's busiest resource
        double bestBottleneckMs = 0;    ///< and its busy ms per request
        double decisionUs = 0;          ///< wall time of the adjustment
    };

    HpaPlanner() = default;
    /// An HPA with the given adjustment settings.
    explicit HpaPlanner(Settings settings) : m_settings(settings) {}

    QString name() const override { return QStringLiteral("hpa"); }
    Plan choose(const CostModel &model, QString *note) const override;
    /// Re-plans in part around current under model's (new) conditions.
    Adjustment adjust(const CostModel &model, const Plan &current) const;

private:
    Settings m_settings;
};

} // namespace d3::core
