#pragma once

#include <QJsonObject>
#include <QString>

namespace d3::core {

/// One line of a run's events.jsonl: something that happened at a time, with its details.
struct RunEvent {
    double tMs = 0;        ///< ms since the run started
    int phase = 0;         ///< experiment phase index
    QString kind;          ///< "phase" (a phase starts), "timeline" (an experiment event fired), "plan" (a new
                           ///< plan took effect: planner or manual), "node_lost", "node_back", "request_failed",
                           ///< "adaptation" (a timeline event's outcome), "note"
    QString label;         ///< short text for plots and logs ("backbone drops", "hpa: edge|cloud cut 14 -> 18")
    QJsonObject details;   ///< kind-specific fields (plan: plan_id, cuts, grid, predicted_ms, reason; ...)
};

} // namespace d3::core
