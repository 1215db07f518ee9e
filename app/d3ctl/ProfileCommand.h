#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl profile MODEL ...`: measures every layer's compute time on this machine (median of several runs after
/// a warm-up) and prints or saves the profile the planners read (docs/PROFILE_FORMAT.md).
class ProfileCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
