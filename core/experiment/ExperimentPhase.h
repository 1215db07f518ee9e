#pragma once

#include <QString>

namespace d3::core {

/// One phase of an experiment: a model run under one condition of the sweep and one planner with vertical
/// separation allowed or not, in one repetition. A plain experiment has one phase; a sweep has one per (model,
/// repeat, condition, planner, tiles), in that nesting order.
struct ExperimentPhase {
    int index = 0;     ///< position in Experiment::phases(), from 0
    QString model;     ///< a built-in name or the absolute path of a model file
    QString planner;   ///< a planner name (Experiment::plannerNames())
    bool tiles = true; ///< whether the planner may tile the edge range (vertical separation)
    int repeat = 0;    ///< the repetition, from 0 (ExperimentSweep::repeats)
    int condition = 0; ///< the sweep's condition, from 0 (ExperimentSweep::condition)
};

} // namespace d3::core
