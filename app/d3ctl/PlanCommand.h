#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl plan MODEL --planner NAME [conditions] [--json]`: one planner's plan and its predicted cost.
class PlanCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
