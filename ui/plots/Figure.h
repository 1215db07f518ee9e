#pragma once

#include "ExportOptions.h"

#include <QCoreApplication>
#include <QFont>
#include <QMap>
#include <QSize>
#include <QString>

class QCustomPlot;
class QCPAxis;
class QCPTextElement;

namespace d3::ui {

/// What every figure of d3lab shares (docs/EXPERIMENTS.md, Plots): a QCustomPlot laid out as an optional title, one
/// axis rect with labelled axes (a subclass may stack more below it) and a legend below them. Once sized, arrange() fits the figure to its size: the
/// legend wraps into as many columns as its items' widths allow (a name is never cut) and, when its rows would take
/// more than legendHeightShare() of the height or one name is wider than the figure, its font and icons shrink
/// (never below kMinFontPt); an axis label longer than its axis breaks onto two lines and, if it would still reach
/// past the plot's edge, shrinks the same way; subclasses place what depends on pixels (marker labels). Each
/// arrange() starts again from the figure's own fonts, so a figure made larger gets its text back. applyOptions()
/// sets the text size and the title of an export. The figure sets up its plot once: give each figure a fresh plot,
/// which must outlive it. GUI thread.
class Figure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::Figure)

public:
    /// The smallest font arrange() shrinks a legend or an axis label to, in points.
    static constexpr double kMinFontPt = 6;

    /// Not copyable: it holds items of its plot.
    Figure(const Figure &) = delete;
    /// Not copyable: it holds items of its plot.
    Figure &operator=(const Figure &) = delete;
    /// Leaves the plot's plottables and items in place (the plot owns them).
    virtual ~Figure();

    /// The figure's name, used in file names ("latency", "latency_bars", "stage_bars_resnet18", ...).
    virtual QString name() const = 0;
    /// The plot it draws into.
    QCustomPlot *plot() const { return m_plot; }
    /// The title element (in the layout only while the title is shown).
    QCPTextElement *title() const { return m_title; }
    /// True while the title is shown above the axis rect.
    bool titleVisible() const;
    /// Shows or hides the title (a hidden title takes no room).
    void setTitleVisible(bool visible);
    /// Sets every text (of every axis rect) to options.fontPt points (when > 0; the title one point larger, bold) and
    /// shows the title
    /// when options.title. Call before arrange().
    void applyOptions(const ExportOptions &options);
    /// Sets the legend's font (arrange() may shrink it for a small figure; it starts from this one each time).
    void setLegendFont(const QFont &font);
    /// The most of the figure's height the legend may take before arrange() shrinks its font (1 by default: an
    /// export keeps its font size; a small live view asks for less).
    void setLegendHeightShare(double share) { m_legendHeightShare = share; }
    /// See setLegendHeightShare.
    double legendHeightShare() const { return m_legendHeightShare; }
    /// Lays the figure out at the plot's size (see the class comment); call after the data is in and the axes are
    /// fitted, before drawing or exporting.
    void arrange();

protected:
    /// Sets up plot: title, axis labels, the legend below the axis rect.
    Figure(QCustomPlot *plot, const QString &title, const QString &xLabel, const QString &yLabel);
    /// Runs QCustomPlot's layout at the plot's size now (what a replot does first), so rects can be read.
    void layoutNow();
    /// Subclasses place what depends on the laid-out axis rect (marker labels); called by arrange() after a layout.
    virtual void arrangeItems() {}
    /// Subclasses set font on texts of their own (marker labels); called by applyOptions.
    virtual void applyFont(const QFont &font) { Q_UNUSED(font) }
    /// Sets an axis label, of any axis rect's axis (kept whole; arrange() may break it onto two lines).
    void setAxisLabel(QCPAxis *axis, const QString &label);

private:
    void fitLegend();
    bool legendFits(int available, int maxHeight);
    void fitTickLabels();
    bool fitAxisLabel(QCPAxis *axis, const QString &label, const QFont &font);

    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QMap<QCPAxis *, QString> m_labels; // every labelled axis's whole label
    QFont m_legendFont;
    QSize m_legendIconSize;
    QFont m_labelFont;
    double m_legendHeightShare = 1;
};

} // namespace d3::ui
