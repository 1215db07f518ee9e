#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace d3::ui {

/// How figures are exported: which formats, the PNG's size in pixels and its density. All three formats share one
/// layout of widthPx x heightPx pixels at dpi, that is widthPx / dpi by heightPx / dpi inches: the PNG has exactly
/// widthPx x heightPx pixels, the PDF and SVG the same page in vector form. Text sizes are in points, so a higher
/// dpi draws larger text and lines on the same pixels.
struct ExportOptions {
    static constexpr int kMinPixels = 100;     ///< smallest width or height in pixels
    static constexpr int kMaxPixels = 10000;   ///< largest width or height in pixels
    static constexpr int kMinDpi = 24;         ///< lowest density
    static constexpr int kMaxDpi = 1200;       ///< highest density
    static constexpr int kMinLayoutPixels = 160; ///< smallest layout (size at 96 dpi) a figure is drawn in

    QStringList formats{QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png")}; ///< of knownFormats()
    int widthPx = 1600;  ///< PNG width in pixels
    int heightPx = 1000; ///< PNG height in pixels
    int dpi = 160;       ///< dots per inch of the PNG (written into it) and the scale of every format (96 = 1:1)

    /// The formats exportAll writes: "pdf", "svg", "png".
    static QStringList knownFormats();
    /// Empty when the options can be used, else one line saying what is wrong.
    QString problem() const;
    /// The size the figure is laid out in (pixels at 96 dpi): widthPx x heightPx scaled by 96 / dpi, rounded.
    QSize layoutSize() const;
};

} // namespace d3::ui
