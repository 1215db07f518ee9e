#pragma once

#include <QString>

class QCustomPlot;
class QCPAxis;
class QFont;

namespace d3::ui {

/// Checks (gtest expectations) that what a laid-out figure shows fits it: legend entries whole inside the plot, axis
/// labels within the plot along their axis. Used by the export tests and the main window's layout tests.
class FigureChecks
{
public:
    /// The width of text's widest line in font.
    static int widthOf(const QFont &font, const QString &text);
    /// An axis label stays within the viewport along its axis (it is drawn centred on the axis rect's side), beside
    /// an axis rect of some size.
    static void expectLabelInside(QCustomPlot *plot, QCPAxis *axis);
    /// The legend lies inside the viewport and every item's name is drawn whole: the item is as wide as its icon,
    /// the padding and the text. Returns the number of items.
    static int expectLegendFits(QCustomPlot *plot);
};

} // namespace d3::ui
