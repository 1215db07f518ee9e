#pragma once

#include "ExportOptions.h"
#include "RunFigure.h"
#include "record/RunData.h"

#include <QString>
#include <QStringList>

#include <memory>

class QCustomPlot;

namespace d3::ui {

/// The time-series figures of a run (docs/EXPERIMENTS.md, Plots): "latency" (LatencyFigure), "stages" (StagesFigure)
/// and "backbone" (BackboneFigure), built into a given QCustomPlot or exported as files (every figure of a run for a
/// paper: PaperFigures). GUI thread; needs a QApplication.
class RunPlots
{
public:
    /// The figure names, in order: latency, stages, backbone.
    static QStringList figureNames();
    /// A figure set up in plot (a fresh QCustomPlot, not owned; it must outlive the figure), empty; nullptr for an
    /// unknown name. Stream data into it with appendRequest/addEvent, then fit() and replot.
    static std::unique_ptr<RunFigure> create(const QString &name, QCustomPlot *plot);
    /// create(), then load(data): the figure of a whole run.
    static std::unique_ptr<RunFigure> build(const QString &name, const core::RunData &data, QCustomPlot *plot);
    /// Draws the three figures of data and writes dir/NAME.FORMAT for each figure and format of options (dir is
    /// created if missing), appending every path written to *written; false with one line in *error (bad options,
    /// an unwritable dir, no QApplication).
    static bool exportAll(const core::RunData &data, const QString &dir, const ExportOptions &options,
                          QStringList *written, QString *error);
};

} // namespace d3::ui
