#pragma once

#include "RunData.h"
#include "StreamFigures.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace d3::core {

/// One swept condition of a run: the value of every sweep axis (docs/EXPERIMENTS.md, Sweeps), in axis order.
struct ComparisonCondition {
    QVector<double> values; ///< one per Comparison::axes
    /// "edge<->cloud.mbps=5, edge_nodes=2" ("" for a run without a sweep); codecs and objective by name.
    QString label(const QStringList &axes) const;
    /// The value of axis i as tables show it: a number, or codecs and objective by name.
    QString shown(const QStringList &axes, int i) const;
};

/// One row of comparison.csv: a model under one condition and one planner (with tiles allowed or not), over every
/// repetition. Latency statistics are over the completed requests (probes left out), from each one's arrival to its
/// output (RequestRecord::latencyMs: end to end for requests sent one at a time); a row whose requests all ran on
/// one plan that another row of the same model and condition also ran alone is pooled with it (samePlanAs), so the
/// same plan measures the same and speed-ups between them are 1 by construction.
struct ComparisonRow {
    QString model;              ///< the model's name (a model file's base name)
    int condition = 0;          ///< index into Comparison::conditions
    QString planner;            ///< planner name as in the experiment
    bool tiles = true;          ///< vertical separation allowed
    QString plan;               ///< the plan most of its requests ran on, long form ("p=7 q=14 tiles 2x2 of ...")
    QString planShort;          ///< the same, short ("3-tier, 2x2 tiles")
    QString tiers;              ///< the tiers that plan computes on ("device+edge+cloud", "cloud", ...)
    int plans = 1;              ///< distinct plans its requests ran on (more than 1: the planner re-planned)
    QString samePlanAs;         ///< the first row (planner, " no tiles" appended when forbidden) of this model and
                                ///< condition that ran the same single plan; empty when none or itself
    int n = 0;                  ///< completed requests the statistics are over (pooled)
    int failed = 0;             ///< failed requests of its own phases (the dropped ones included)
    double p50Ms = 0;           ///< median latency ms
    double p95Ms = 0;           ///< 95th percentile latency ms
    double iqrMs = 0;           ///< interquartile range (75th - 25th percentile) of latency ms
    double p25Ms = 0;           ///< 25th percentile (for error bars)
    double p75Ms = 0;           ///< 75th percentile (for error bars)
    double predictedMs = 0;     ///< median of the cost model's predictions for those requests
    double backboneBytes = 0;   ///< median edge <-> cloud bytes per request
    QVector<double> stageMs;    ///< median ms per stage, in StageOrder (device, uplink, tiles, edge-edge, edge,
                                ///< backbone, cloud, return)
    QMap<QString, double> speedup; ///< baseline key (Comparison::baselineKeys) -> baseline p50 / this p50 (1 for
                                   ///< the baseline itself); absent when the baseline was not run or completed nothing
    double backboneVsCloudOnly = 0; ///< cloud-only's backbone bytes / this row's, when both use the backbone; else 0
    double p99Ms = 0;           ///< 99th percentile latency ms
    int dropped = 0;            ///< requests of its own phases dropped by the stream's policy (counted in failed too)
    QVector<StreamFigures> phaseFigures; ///< each phase's figures (one per repetition, the pooled rows' phases
                                         ///< included), in phase order: what spreads across repetitions
    double throughputRps = 0;   ///< median of phaseFigures' throughput (completed per second)

    /// measured / predicted (p50 over predicted), 0 without a prediction.
    double measuredOverPredicted() const { return predictedMs > 0 ? p50Ms / predictedMs : 0; }
    /// "hpa", or "hpa no tiles" when tiles were forbidden in a run that sweeps tiles.
    QString plannerLabel(bool tilesSwept) const;
};

/// The comparison table of a run (comparison.csv and comparison.md, docs/EXPERIMENTS.md, Comparison): per model x
/// condition x planner the plan, n, failed, p50, p95, p99 and IQR of latency, backbone bytes, the speed-up against
/// device-only, cloud-only, neurosurgeon, dads and the best two-tier baseline, throughput and drops. Built from a run's files alone
/// (requests.csv and the "phase" events of events.jsonl, whose details name each phase's model, planner, tiles,
/// repeat and condition), so `d3ctl replay` rebuilds exactly what `d3ctl run` wrote. Stateless; any thread.
class Comparison
{
public:
    /// Percentile q (0..100) of values by linear interpolation between closest ranks (numpy's default); 0 when
    /// empty.
    static double percentile(QVector<double> values, double q);
    /// The baselines speed-ups are taken against: device_only, cloud_only, neurosurgeon, dads, best_two_tier.
    static QStringList baselineKeys();
    /// The stage names of stageMs, in order.
    static QStringList stageNames();
    /// The comparison of a run; nullopt with one line in *error when its events carry no phase details (a run
    /// recorded before sweeps).
    static std::optional<Comparison> make(const RunData &data, QString *error);

    QStringList axes;                       ///< the swept axes ("edge<->cloud.mbps", "edge_nodes", ...), in order
    QVector<ComparisonCondition> conditions; ///< every condition, in the order the run swept them
    QStringList models;                     ///< models, in run order
    QStringList planners;                   ///< planner labels (plannerLabel), in run order
    bool tilesSwept = false;                ///< the run swept tiles on and off
    QVector<ComparisonRow> rows;            ///< model, then condition, then planner order

    /// The comparison of a run of more than one phase (what `d3ctl run` and `d3ctl replay` write); nullopt for a
    /// run of one phase, or with one line in *error when the run's events carry no phase details.
    static std::optional<Comparison> ofSweep(const RunData &data, QString *error);
    /// The row of model, condition and planner label, or nullptr.
    const ComparisonRow *find(const QString &model, int condition, const QString &plannerLabel) const;
    /// comparison.csv: a header and one row per ComparisonRow (RFC 4180 quoting, numbers that read back exactly).
    QString toCsv() const;
    /// comparison.md: a Markdown table per model, latencies to 0.1 ms, speed-ups to 0.01.
    QString toMarkdown() const;
    /// Writes dir/comparison.csv and dir/comparison.md (each replaced whole), appending the paths to *written;
    /// false with one line in *error.
    bool save(const QString &dir, QStringList *written, QString *error) const;
};

} // namespace d3::core
