#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::bench {

/// The command line every benchmark shares (each program adds its own description around optionsHelp()).
struct BenchOptions {
    int threads = 1;     ///< LibTorch intra-op threads (1 gives the most repeatable figures)
    int runs = 15;       ///< measured rounds; each round runs every variant once
    int warmup = 2;      ///< unmeasured rounds before them
    QStringList models;  ///< built-in models to run, in order; empty = all of them
    bool json = false;   ///< print JSON instead of the Markdown table
    bool help = false;   ///< print the usage and exit

    /// Parses the arguments after the program name; on a bad or unknown argument nullopt and one line in *error.
    static std::optional<BenchOptions> parse(const QStringList &args, QString *error);
    /// The options in one line, for a "usage: PROGRAM ..." line.
    static QString synopsis();
    /// One line per option with its default (several lines, ending in a newline).
    static QString optionsHelp();
};

} // namespace d3::bench
