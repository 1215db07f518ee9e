#pragma once

#include "RequestRecord.h"

#include <QJsonObject>
#include <QStringList>
#include <QVector>

#include <array>

namespace d3::core {

/// A stream's figures over the requests of one phase (docs/EXPERIMENTS.md, summary.json), probes left out: how many
/// arrived, completed, were dropped and retried; throughput (completed per second from the first arrival to the last
/// completion) and offered load (arrivals per second); percentiles of the latency from arrival to output; the median
/// wait at the device before sending and in each stage's and link's queue, over the completed requests. Requests sent
/// one at a time have the same figures, their latency being end to end and their queues empty. Any thread.
struct StreamFigures {
    /// The queues of queueMs, in order: device, tiles, edge, cloud, uplink, edge_edge, backbone, return.
    static QStringList queueNames();
    /// The figures of records (in any order; probes are skipped).
    static StreamFigures of(const QVector<const RequestRecord *> &records);

    int arrivals = 0;         ///< requests offered
    int completed = 0;        ///< of them, completed
    int dropped = 0;          ///< of them, dropped by the stream's policy
    int retried = 0;          ///< of them, sent twice (attempts > 1)
    double throughputRps = 0; ///< completed / (last completion - first arrival) in s; 0 with none completed
    double offeredRps = 0;    ///< (arrivals - 1) / (last arrival - first arrival) in s; 0 with fewer than 2 arrivals
    double steadyRps = 0;     ///< the rate results leave at: (completed - 1) / (last completion - first completion)
                              ///< in s, a pipeline's fill left out (what the cost model predicts); 0 with fewer than 2
    double predictedRps = 0;  ///< median of the completed requests' predicted throughput (RequestRecord::predictedRps)
    double p50Ms = 0;         ///< median latency (RequestRecord::latencyMs) of the completed requests
    double p95Ms = 0;         ///< its 95th percentile
    double p99Ms = 0;         ///< its 99th percentile
    double admissionMs = 0;   ///< median wait at the device before sending (RequestRecord::admissionMs)
    std::array<double, 8> queueMs{}; ///< median queue ms per stage and link, in queueNames() order

    /// The keys a phase of summary.json gains: throughput_rps, offered_rps, steady_rps, predicted_rps,
    /// steady_over_predicted, p50_ms, p95_ms, p99_ms, dropped, retried,
    /// queue_ms (an object, queue name -> ms) and admission_ms.
    QJsonObject toJson() const;
};

} // namespace d3::core
