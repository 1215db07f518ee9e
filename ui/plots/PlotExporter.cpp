#include "PlotExporter.h"

#include "Figure.h"
#include "QCustomPlotInclude.h"
#include "UiLog.h"

#include <QDir>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace d3::ui {

bool PlotExporter::savePdf(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    // A page of exactly the figure's inches (QCustomPlot::savePdf would make it one point per layout pixel, 4/3 of
    // the SVG's size), drawn at 96 dpi so that the layout's pixels, fonts included, map onto it one to one.
    const QSize layout = options.layoutSize();
    const QSizeF inches = options.inches();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("d3lab"));
        writer.setResolution(96);
        writer.setPageLayout(QPageLayout(QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            *error = QStringLiteral("%1: cannot paint the PDF").arg(path);
            return false;
        }
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNonCosmetic); // lines keep their width when the page is zoomed or edited
        painter.scale(inches.width() * writer.resolution() / layout.width(),
                      inches.height() * writer.resolution() / layout.height());
        plot->toPainter(&painter, layout.width(), layout.height());
        painter.end();
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlotExporter::saveSvg(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    const QSize size = options.layoutSize();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(96); // the layout size is in pixels at 96 dpi, as for the PDF and PNG
    generator.setTitle(QStringLiteral("d3lab"));
    QCPPainter painter;
    if (!painter.begin(&generator)) {
        *error = QStringLiteral("%1: cannot paint the SVG").arg(path);
        return false;
    }
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlotExporter::savePng(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    // QCustomPlot::savePng sizes the image as round(layout * scale), which can miss the asked pixels by one; this
    // does what it does (toPainter on a scaled painter) on an image of exactly the asked size.
    const QSize layout = options.layoutSize();
    QImage image(options.widthPx, options.heightPx, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QStringLiteral("%1: cannot allocate a %2x%3 image").arg(path).arg(options.widthPx).arg(options.heightPx);
        return false;
    }
    image.fill(Qt::white);
    const double sx = double(options.widthPx) / layout.width();
    const double sy = double(options.heightPx) / layout.height();
    QCPPainter painter;
    if (!painter.begin(&image)) {
        *error = QStringLiteral("%1: cannot paint the PNG").arg(path);
        return false;
    }
    if (sx > 1.0 || sy > 1.0)
        painter.setMode(QCPPainter::pmNonCosmetic); // scale line widths with the rest (as savePng does)
    painter.scale(sx, sy);
    plot->toPainter(&painter, layout.width(), layout.height());
    painter.end();
    const int dotsPerMeter = qRound(options.dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlotExporter::saveFigure(Figure *figure, const QString &dir, const ExportOptions &options, QStringList *written,
                              QString *error)
{
    figure->plot()->resize(options.layoutSize());
    figure->applyOptions(options);
    figure->arrange();
    return save(figure->plot(), QDir(dir).filePath(figure->name()), options, written, error);
}

bool PlotExporter::save(QCustomPlot *plot, const QString &basePath, const ExportOptions &options,
                        QStringList *written, QString *error)
{
    for (const QString &format : options.formats) {
        const QString path = basePath + QLatin1Char('.') + format;
        bool ok = false;
        if (format == QLatin1String("pdf"))
            ok = savePdf(plot, path, options, error);
        else if (format == QLatin1String("svg"))
            ok = saveSvg(plot, path, options, error);
        else if (format == QLatin1String("png"))
            ok = savePng(plot, path, options, error);
        else
            *error = QStringLiteral("%1: unknown format '%2'").arg(path, format);
        if (!ok)
            return false;
        qCDebug(lcUi) << "wrote" << path;
        written->append(path);
    }
    return true;
}

} // namespace d3::ui
