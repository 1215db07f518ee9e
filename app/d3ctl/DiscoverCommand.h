#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl discover [--seconds S] [--port P] [--json]`: listens for the beacons of workers started with
/// `d3worker --beacon` (docs/PROTOCOL.md, Discovery), as the console's Add node dialog does, and prints the workers
/// heard: a table, or with --json the array `d3ctl run --workers` reads.
class DiscoverCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
