#pragma once

#include "ExportOptions.h"
#include "record/RunData.h"

#include <QString>
#include <QStringList>

namespace d3::ui {

/// Every figure of a run for a paper (docs/EXPERIMENTS.md, Plots): the time series (RunPlots: latency, stages,
/// backbone), the "timeline" (TimelineFigure) and, for a run of more than one phase whose events let
/// core::Comparison::make compare it, the comparison figures at options.condition: "latency_bars"
/// (LatencyBarsFigure), "latency_vs_bandwidth_MODEL" (BandwidthFigure, when a link to the cloud's bandwidth was
/// swept), "knee_MODEL" (KneeFigure, when the stream's rate was swept), "backbone_bars" (BackboneBarsFigure) and
/// "stage_bars_MODEL" (StageBarsFigure). GUI thread; needs a QApplication.
class PaperFigures
{
public:
    /// How many conditions the figures of data can be drawn at (Comparison::conditions; 1 for a run that cannot be
    /// compared).
    static int conditionCount(const core::RunData &data);
    /// The names of the figures exportAll writes for data, in order.
    static QStringList figureNames(const core::RunData &data, const ExportOptions &options);
    /// Draws every figure of data and writes dir/NAME.FORMAT for each figure and format of options (dir is created
    /// if missing), appending every path written to *written; false with one line in *error (bad options, a
    /// condition out of range, an unwritable dir, no QApplication).
    static bool exportAll(const core::RunData &data, const QString &dir, const ExportOptions &options,
                          QStringList *written, QString *error);
    /// Writes only the time series (latency, stages, backbone), as exportAll does (RunPlots::exportAll).
    static bool exportTimeSeries(const core::RunData &data, const QString &dir, const ExportOptions &options,
                                 QStringList *written, QString *error);
    /// data with every time moved so that its first request arrives at 0 (events before it at 0): what a console
    /// export draws, whose clock started with the console.
    static core::RunData fromFirstRequest(const core::RunData &data);
};

} // namespace d3::ui
