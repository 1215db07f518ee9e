#pragma once

#include <QStringList>

namespace d3::cli {

/// `d3ctl replay DIR [--out DIR2] [--formats pdf,svg,png] [--size WxH] [--dpi N] [--preset single|double] [--title]
/// [--condition K] [--json]`: reads a recorded run (core::RunReader) and draws its figures (ui::PaperFigures) into DIR
/// or DIR2 (docs/EXPERIMENTS.md, Plots). Needs a QApplication (AppFactory).
class ReplayCommand
{
public:
    /// Runs the subcommand; returns the process exit code.
    static int run(const QStringList &args);
};

} // namespace d3::cli
