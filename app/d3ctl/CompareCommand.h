#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl compare MODEL [conditions] [--json]`: every planner side by side under the same conditions.
class CompareCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
