#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl verify MODEL ...`: the split forward against the monolithic one, and optionally against PyTorch.
class VerifyCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
