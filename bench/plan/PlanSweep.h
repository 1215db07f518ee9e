#pragma once

#include "BenchOptions.h"
#include "ConditionSweep.h"
#include "DecisionTimer.h"
#include "graph/ModelGraph.h"
#include "plan/LayerCosts.h"
#include "plan/Planner.h"

#include <QString>
#include <QVector>

#include <functional>

namespace d3::bench {

/// A condition next to a sweep point that HPA's partial adjustment starts from: HPA plans fresh for the
/// neighbour, then adjust()s that plan to the point itself.
struct Neighbour {
    QString name;        ///< short label, e.g. "backbone 10x -> 1x"
    QString description; ///< one sentence
    /// The neighbour's conditions for point i of sweep.
    std::function<core::Conditions(const QVector<SweepPoint> &sweep, int i)> conditions;
};

/// One HPA partial adjustment: from the neighbour's fresh HPA plan to the point's conditions.
struct AdjustOutcome {
    core::Plan start;        ///< HPA's fresh plan under the neighbour's conditions
    core::Plan plan;         ///< what adjust() returned
    double startMs = 0;      ///< the start plan's predicted ms under the point's conditions (staying put)
    double adjustedMs = 0;   ///< the adjusted plan's predicted ms
    bool moved = false;      ///< whether adjust() moved
    QString what;            ///< adjust()'s account of the move
};

/// Every planner's answer under one sweep point, the adjustments into it and the decision times.
struct ConditionResult {
    int index = 0;                        ///< sweep point
    QVector<core::PlanResult> planners;   ///< in core::Planner::names() order (decisionUs: one untimed-loop run)
    QVector<AdjustOutcome> adjustments;   ///< per PlanSweep::neighbours() entry
    // Medians of the timed rounds.
    DecisionTime hpa;       ///< HpaPlanner::choose
    DecisionTime adjust;    ///< HpaPlanner::adjust from the first neighbour's plan
    DecisionTime oracle;    ///< OraclePlanner::choose
    DecisionTime dads;      ///< DadsPlanner::choose
    DecisionTime costModel; ///< building the CostModel (tiling table included) for the point's conditions

    /// The answer of the named planner.
    const core::PlanResult &result(const QString &planner) const;
};

/// Everything d3bench_plan measured for one model.
struct ModelResult {
    QString model;                      ///< model name
    int layers = 0;                     ///< layer count
    core::LayerCosts costs;             ///< the layer costs used (FLOP estimate or profile)
    QVector<ConditionResult> points;    ///< per sweep point
};

/// Runs every planner under every sweep point for one model, the partial adjustments, and times the decisions
/// (options.warmup + options.runs interleaved rounds per point, medians kept).
class PlanSweep
{
public:
    /// The neighbours adjust() starts from, the timed one first.
    static const QVector<Neighbour> &neighbours();
    /// The baselines HPA is compared with (every planner name but hpa and oracle).
    static QStringList baselines();
    /// Runs the sweep, transfers compressed where the codecs make them faster.
    static ModelResult run(const core::ModelGraph &graph, const core::LayerCosts &costs, const core::CodecCosts &codecs,
                           const QVector<SweepPoint> &sweep, const BenchOptions &options);
};

} // namespace d3::bench
