#include "FigureChecks.h"

#include "plots/QCustomPlotInclude.h"

#include <QFontMetrics>

#include <gtest/gtest.h>

namespace d3::ui {

int FigureChecks::widthOf(const QFont &font, const QString &text)
{
    int w = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        w = qMax(w, QFontMetrics(font).horizontalAdvance(line));
    return w;
}

void FigureChecks::expectLabelInside(QCustomPlot *plot, QCPAxis *axis)
{
    const QRect rect = axis->axisRect()->rect();
    const double half = widthOf(axis->labelFont(), axis->label()) / 2.0;
    if (axis->orientation() == Qt::Horizontal) {
        EXPECT_GE(rect.center().x() - half, plot->viewport().left()) << axis->label().toStdString();
        EXPECT_LE(rect.center().x() + half, plot->viewport().right() + 1) << axis->label().toStdString();
    } else {
        EXPECT_GE(rect.center().y() - half, plot->viewport().top()) << axis->label().toStdString();
        EXPECT_LE(rect.center().y() + half, plot->viewport().bottom() + 1) << axis->label().toStdString();
    }
    EXPECT_GT(axis->axisRect()->rect().height(), 20);
    EXPECT_GT(axis->axisRect()->rect().width(), 40);
}

int FigureChecks::expectLegendFits(QCustomPlot *plot)
{
    QCPLegend *legend = plot->legend;
    const QRect viewport = plot->viewport();
    const QRect outer = legend->outerRect();
    EXPECT_TRUE(viewport.contains(outer)) << "legend " << outer.x() << "," << outer.y() << " " << outer.width() << "x"
                                          << outer.height();
    int items = 0;
    for (int i = 0; i < legend->elementCount(); ++i) { // cells of the grid, some empty in its last row
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->elementAt(i));
        if (!item)
            continue;
        ++items;
        const QString name = item->plottable()->name();
        SCOPED_TRACE(name.toStdString());
        const QRect r = item->outerRect();
        EXPECT_TRUE(viewport.contains(r)) << r.x() << "," << r.y() << " " << r.width() << "x" << r.height();
        const int text = QFontMetrics(item->font()).boundingRect(0, 0, 0, legend->iconSize().height(),
                                                                 Qt::TextDontClip, name).width();
        EXPECT_GE(item->rect().width(), legend->iconSize().width() + legend->iconTextPadding() + text);
        EXPECT_GE(item->rect().height(), QFontMetrics(item->font()).height() - 1);
    }
    return items;
}

} // namespace d3::ui
