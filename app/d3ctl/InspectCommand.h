#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl inspect MODEL [--json]`: every layer (shape, parameters, FLOPs, bytes) and every cut (crossing bytes).
class InspectCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
