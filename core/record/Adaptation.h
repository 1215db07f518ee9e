#pragma once

#include <QJsonObject>
#include <QString>

namespace d3::core {

/// How the planner answered one timeline event: how many requests until its first new plan was in effect, how many
/// until a plan that held, and how the latency from its answer on compared with the oracle's plan measured under
/// the same conditions.
struct Adaptation {
    int phase = 0;                ///< experiment phase
    int event = 0;                ///< index in the timeline
    QString label;                ///< the event's label (or its action)
    int atRequest = 0;            ///< the first request sent after the event
    int requestsToAdapt = -1;     ///< requests from the event until the planner's first new plan took effect (0: at
                                  ///< once, or the plan stayed)
    int requestsToSettle = -1;    ///< requests from the event until a plan that holds (stays 5 requests) took effect
    double plannerMs = 0;         ///< median end-to-end ms from the first new plan to the next event
    double oracleMs = 0;          ///< median end-to-end ms of the oracle's plan, probed before the next event
    /// plannerMs / oracleMs (0 when either is missing).
    double latencyVsOracle() const { return plannerMs > 0 && oracleMs > 0 ? plannerMs / oracleMs : 0; }
    /// The summary's entry: event, label, at_request, requests_to_adapt, requests_to_settle, latency_vs_oracle,
    /// planner_ms, oracle_ms.
    QJsonObject toJson() const
    {
        return {{QStringLiteral("event"), event},
                {QStringLiteral("phase"), phase},
                {QStringLiteral("label"), label},
                {QStringLiteral("at_request"), atRequest},
                {QStringLiteral("requests_to_adapt"), requestsToAdapt},
                {QStringLiteral("requests_to_settle"), requestsToSettle},
                {QStringLiteral("latency_vs_oracle"), latencyVsOracle()},
                {QStringLiteral("planner_ms"), plannerMs},
                {QStringLiteral("oracle_ms"), oracleMs}};
    }
};

} // namespace d3::core
