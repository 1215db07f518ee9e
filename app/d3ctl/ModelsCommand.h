#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl models [--json]`: the built-in models with layers, parameters, FLOPs and input shape.
class ModelsCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
