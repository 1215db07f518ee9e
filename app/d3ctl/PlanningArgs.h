#pragma once

#include "CommandLine.h"
#include "graph/ModelGraph.h"
#include "plan/Conditions.h"
#include "plan/CostModel.h"
#include "plan/LayerCosts.h"
#include "plan/Profile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::cli {

/// The [conditions] of `d3ctl plan` and `d3ctl compare` (docs/ARCHITECTURE.md, The command-line contract): links, edge
/// nodes, speeds, an optional measured profile, the codecs transfers may use and the objective the planners follow.
class PlanningArgs
{
public:
    /// The value options it reads.
    static QStringList valueOptions();
    /// Conditions from the command line (defaults of core::Conditions where absent); nullopt and *error on a bad
    /// value.
    static std::optional<core::Conditions> conditions(const CommandLine &cl, QString *error);
    /// --objective latency|throughput|latency_under_rate and --rate-hz R (Latency when absent); nullopt and one
    /// line in *error on a bad value, a missing rate or a rate for another objective.
    static std::optional<core::Objective> objective(const CommandLine &cl, QString *error);
    /// The cost model of the command line: MODEL (the one positional), conditions, costs and objective. nullopt and
    /// one line in *error (prefixed with command where it is about an option) on any bad input.
    static std::optional<core::CostModel> costModel(const CommandLine &cl, const QString &command, QString *error);
    /// The --profile FILE, checked against graph (its layer costs and codec figures).
    static std::optional<core::Profile> profile(const CommandLine &cl, const core::ModelGraph &graph, QString *error);
};

} // namespace d3::cli
