#pragma once

#include "BenchOptions.h"
#include "ConditionSweep.h"
#include "PlanSweep.h"

#include <QJsonDocument>
#include <QString>
#include <QVector>

namespace d3::bench {

/// Formats the results of d3bench_plan: per model (1) HPA's fresh plan against the oracle, (2) HPA's partial
/// adjustment from each neighbour against the oracle, (3) HPA's gain over the best baseline and its backbone
/// traffic against cloud-only and the best baseline, (4) decision times; then the condition list.
class PlanReport
{
public:
    /// A caption, the Markdown tables (1, 2, 3a, 3b, 4a wall, 4b CPU) with the decision-time targets under 4b,
    /// and the condition list.
    static QString markdown(const QVector<ModelResult> &results, const QVector<SweepPoint> &sweep,
                            const BenchOptions &options);
    /// {"runs","warmup","fixed":Conditions,"conditions":[SweepPoint],"neighbours":[{"name","description"}],
    /// "baselines":[...],"models":[{"model","layers","costs":{"source","measured"},"summary":{...},
    /// "points":[{"index","planners":{NAME:{"plan","describe","cost","decision_us","note"}},"best_baseline",
    /// "gain_over_best_baseline","adjustments":[{"neighbour","start","plan","start_ms","adjusted_ms",
    /// "oracle_ms","moved","what"}],"timing_us":{"hpa"|"hpa_adjust"|"oracle"|"dads"|"cost_model":
    /// {"wall","cpu"}}}]}]}; the summary's "decision_wall_us" and "decision_cpu_us" hold {"median","max","min"}
    /// over the points of those per-point medians.
    static QJsonDocument json(const QVector<ModelResult> &results, const QVector<SweepPoint> &sweep,
                              const BenchOptions &options);
};

} // namespace d3::bench
