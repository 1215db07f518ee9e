#pragma once

#include "BenchOptions.h"
#include "LanShapingBench.h"
#include "LatencyBench.h"
#include "OverheadBench.h"
#include "ShapingBench.h"

#include <QJsonDocument>
#include <QString>
#include <QVector>

namespace d3::bench {

/// What d3bench_net measured and how it was configured (an empty part was not run).
struct NetResults {
    QVector<ShapingPoint> shaping;   ///< part 1: throughput through the shaper
    QVector<LatencyPoint> latency;   ///< part 1b: a small frame's one-way delay
    QVector<OverheadPoint> overhead; ///< part 2: d3lab against raw TCP
    QVector<LanRatePoint> lan;       ///< part 3: both shapers across the namespace LAN
    QVector<LanChangePoint> lanChanges; ///< part 3b: a live rate change on the namespace LAN
    qint64 burstBytes = 0;           ///< the burst given to setShaping
    int repeats = 0;                 ///< runs per shaping point
    double seconds = 0;              ///< data per shaping point, in seconds at the configured rate
};

/// Formats the results of d3bench_net.
class NetReport
{
public:
    /// A caption and a Markdown table per part that ran.
    static QString markdown(const NetResults &results, const BenchOptions &options);
    /// {"runs","warmup","repeats","seconds","burst","shaping":[{"rate_mbps","delay_ms","frames","frame_payload",
    /// "frame_wire","runs":[{"elapsed_ms","measured_mbps","sender_mbps","receiver_mbps"}],"median":{...}}],
    /// "latency":[{"rate_mbps","delay_ms","frame_wire","expected_ms","samples_ms":[...],"median_ms"}],
    /// "overhead":[{"shape","tensor_bytes","frame_bytes","d3lab_ms":[...],"frame_ms":[...],"raw_ms":[...],
    /// "encode_ms":[...],"decode_ms":[...],"d3lab_median_ms","frame_median_ms","raw_median_ms","d3lab_mbps",
    /// "frame_mbps","raw_mbps","ratio","frame_ratio"}],
    /// "lan":[{"shaper","rate_mbps","frame_payload","delivered_mbps":[...],"median_mbps"}],
    /// "lan_changes":[{"shaper","from_mbps","to_mbps","settle_ms":[...],"held_mbps":[...],"survived":[...]}]}.
    static QJsonDocument json(const NetResults &results, const BenchOptions &options);
};

} // namespace d3::bench
