#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl tiles MODEL --range P,Q --grid RxC`: the fused stack of an edge range, its tiles, their regions and halo cost.
class TilesCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
