#pragma once

#include "Experiment.h"

#include <QString>

namespace d3::core {

/// Places an experiment's nodes on workers already running elsewhere (`d3ctl run --workers FILE`,
/// docs/EXPERIMENTS.md "Workers elsewhere"): FILE is a JSON array of {"name", "address", "role"?} objects, as
/// `scripts/lab.sh nodes` prints them; each names a node of the experiment, which then runs remote at that address
/// (its slowdown, if the file gives one, set by SetSlowdown). Nodes FILE does not name stay as they are; FILE's
/// entries for nodes the experiment lacks are ignored.
class WorkerPlacement
{
public:
    /// Applies the placement in the JSON text json (named source in errors) to experiment; false with one line
    /// "SOURCE: PATH: message" and experiment unchanged.
    static bool apply(const QByteArray &json, const QString &source, Experiment *experiment, QString *error);
    /// Reads FILE and applies it; false with one line naming the file.
    static bool applyFile(const QString &path, Experiment *experiment, QString *error);
};

} // namespace d3::core
