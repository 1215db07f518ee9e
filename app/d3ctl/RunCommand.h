#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl run EXPERIMENT.json [--out DIR] [--json]`: runs an experiment headless (docs/EXPERIMENTS.md) on its
/// cluster and writes the run directory: per-request CSV, JSONL event log, summary JSON and plots.
class RunCommand
{
public:
    /// Runs the subcommand; returns the process exit code (0 ran to the end, 1 stopped part-way, 2 bad input or
    /// a cluster that cannot start).
    static int run(const QStringList &args);
};

} // namespace d3::cli
