#pragma once

#include <QString>

namespace d3::core {

/// One phase of an experiment: a model run under one planner with vertical separation allowed or not. A plain
/// experiment has one phase; a sweep has one per (model, planner, tiles), in that nesting order.
struct ExperimentPhase {
    int index = 0;     ///< position in Experiment::phases(), from 0
    QString model;     ///< a built-in name or the absolute path of a model file
    QString planner;   ///< a planner name (Experiment::plannerNames())
    bool tiles = true; ///< whether the planner may tile the edge range (vertical separation)
};

} // namespace d3::core
