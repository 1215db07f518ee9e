#pragma once

#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace d3::ui {

/// How figures are exported: which formats, the PNG's size in pixels and its density, the text size, titles and the
/// condition the comparison figures show. All three formats share one layout of widthPx x heightPx pixels at dpi,
/// that is widthPx / dpi by heightPx / dpi inches: the PNG has exactly widthPx x heightPx pixels, the PDF page and
/// the SVG drawing are that many inches. Text sizes are in points, so a higher dpi draws larger text and lines on the
/// same pixels. The presets (docs/EXPERIMENTS.md, Plots) size a figure for a paper's column.
struct ExportOptions {
    static constexpr int kMinPixels = 100;     ///< smallest width or height in pixels
    static constexpr int kMaxPixels = 10000;   ///< largest width or height in pixels
    static constexpr int kMinDpi = 24;         ///< lowest density
    static constexpr int kMaxDpi = 1200;       ///< highest density
    static constexpr int kMinLayoutPixels = 160; ///< smallest layout (size at 96 dpi) a figure is drawn in
    static constexpr double kPaperFontPt = 8;  ///< the text size of the presets, in points

    QStringList formats{QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png")}; ///< of knownFormats()
    int widthPx = 1600;  ///< PNG width in pixels
    int heightPx = 1000; ///< PNG height in pixels
    int dpi = 160;       ///< dots per inch of the PNG (written into it) and the scale of every format (96 = 1:1)
    QString preset;      ///< "single", "double", or empty (custom: the size and dpi above)
    bool title = true;   ///< draw each figure's title above it (the presets leave it out unless asked)
    double fontPt = 0;   ///< every text of the figure (ticks, axis labels, legend, marker labels) in points; 0: the
                         ///< figures' own sizes
    int condition = 0;   ///< the comparison figures' condition (an index into core::Comparison::conditions)

    /// The formats exportAll writes: "pdf", "svg", "png".
    static QStringList knownFormats();
    /// The presets: "single" (one column of a two-column paper, 3.5 x 2.5 in) and "double" (the page's width,
    /// 7 x 3 in), both at 300 dpi with 8 pt text and no title.
    static QStringList presetNames();
    /// The options of a preset (formats, condition and title as in a default ExportOptions, title off); false for an
    /// unknown name.
    static bool forPreset(const QString &name, ExportOptions *options);
    /// Empty when the options can be used, else one line saying what is wrong.
    QString problem() const;
    /// The size the figure is laid out in (pixels at 96 dpi): widthPx x heightPx scaled by 96 / dpi, rounded.
    QSize layoutSize() const;
    /// The figure's physical size in inches: widthPx / dpi by heightPx / dpi (the PDF page and SVG drawing).
    QSizeF inches() const;
};

} // namespace d3::ui
