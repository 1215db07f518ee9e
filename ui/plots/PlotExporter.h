#pragma once

#include "ExportOptions.h"

#include <QString>
#include <QStringList>

class QCustomPlot;

namespace d3::ui {

class Figure;

/// Writes a QCustomPlot as PDF (a QPdfWriter page of ExportOptions::inches(), painted through QCustomPlot::toPainter),
/// SVG (QSvgGenerator, the same drawing, its width and height in mm) and PNG (toPainter onto an image of exactly the
/// chosen pixels, scaled by dpi / 96, with the dpi in its header), all from one layout of ExportOptions' layout size,
/// so the three describe the same inches. Needs a QApplication; GUI thread.
class PlotExporter
{
public:
    /// Writes path as a PDF page of options.inches() (never half-written: a temporary file is renamed); false with
    /// one line in *error.
    static bool savePdf(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error);
    /// Writes path as an SVG drawing of the layout size (never half-written: a temporary file is renamed);
    /// false with one line in *error.
    static bool saveSvg(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error);
    /// Writes path as a PNG of exactly options.widthPx x options.heightPx pixels at options.dpi; false with one
    /// line in *error.
    static bool savePng(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error);
    /// Sizes figure's plot to the layout, applies options (text size, title), arranges it and writes
    /// dir/NAME.FORMAT for each format (save); false with one line in *error.
    static bool saveFigure(Figure *figure, const QString &dir, const ExportOptions &options, QStringList *written,
                           QString *error);
    /// Writes basePath + ".pdf", ".svg", ".png" for each of options.formats, appending each path written to
    /// *written; false with one line in *error at the first failure.
    static bool save(QCustomPlot *plot, const QString &basePath, const ExportOptions &options, QStringList *written,
                     QString *error);
};

} // namespace d3::ui
