#pragma once

#include "Adaptation.h"
#include "experiment/Experiment.h"
#include "RequestRecord.h"

#include <QJsonObject>
#include <QVector>

namespace d3::core {

/// The summary.json of a run (docs/EXPERIMENTS.md, Outputs): counts, measured over predicted end-to-end time per
/// plan and overall (median over completed requests, probes left out), how many were retried and dropped, per phase
/// the measured and predicted figures and the stream's (StreamFigures: throughput, latency percentiles, queues), and
/// one entry per timeline event (adaptations).
class RunSummary
{
public:
    /// The summary of records (in order) under experiment's phases.
    static QJsonObject make(const Experiment &experiment, const QVector<RequestRecord> &records,
                            const QVector<Adaptation> &adaptations);
    /// Median of values (0 when empty).
    static double median(QVector<double> values);
};

} // namespace d3::core
