// Paper exports: every figure in PDF, SVG and PNG at both presets, of the same inches in each format; legends,
// axis labels and titles that fit the figure.
#include "FigureChecks.h"
#include "PlotTestData.h"
#include "plots/BackboneBarsFigure.h"
#include "plots/BandwidthFigure.h"
#include "plots/KneeFigure.h"
#include "plots/LatencyBarsFigure.h"
#include "plots/PaperFigures.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/RunPlots.h"
#include "plots/StageBarsFigure.h"
#include "plots/TimelineFigure.h"
#include "record/Comparison.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace d3::ui {
namespace {

using D = PlotTestData;
using Make = std::function<std::unique_ptr<Figure>(QCustomPlot *)>;

/// Every kind of figure, drawn from a sweep (the comparison figures), a stream's sweep (the knee) or a single phase
/// (the time series, the timeline).
QVector<Make> everyFigure(const core::RunData &sweep, const core::RunData &single, const core::Comparison &c,
                          const core::Comparison &stream)
{
    QVector<Make> makes;
    for (const QString &name : RunPlots::figureNames())
        makes << [&single, name](QCustomPlot *p) -> std::unique_ptr<Figure> { return RunPlots::build(name, single, p); };
    makes << [&single](QCustomPlot *p) -> std::unique_ptr<Figure> { return std::make_unique<TimelineFigure>(p, single); };
    makes << [&sweep](QCustomPlot *p) -> std::unique_ptr<Figure> { return RunPlots::build(QStringLiteral("stages"), sweep, p); };
    makes << [&c](QCustomPlot *p) -> std::unique_ptr<Figure> { return std::make_unique<LatencyBarsFigure>(p, c, 0); };
    makes << [&c](QCustomPlot *p) -> std::unique_ptr<Figure> { return std::make_unique<BackboneBarsFigure>(p, c, 0); };
    makes << [&c](QCustomPlot *p) -> std::unique_ptr<Figure> {
        return std::make_unique<StageBarsFigure>(p, c, QStringLiteral("resnet18"), 0);
    };
    makes << [&c](QCustomPlot *p) -> std::unique_ptr<Figure> {
        return std::make_unique<BandwidthFigure>(p, c, QStringLiteral("resnet18"), 1);
    };
    makes << [&stream](QCustomPlot *p) -> std::unique_ptr<Figure> {
        return std::make_unique<KneeFigure>(p, stream, QStringLiteral("resnet18"), 0);
    };
    return makes;
}

TEST(PaperExport, EveryFigureInEveryFormatIsTheSameInchesAtBothPresets)
{
    D::app();
    const core::RunData sweep = D::sweepRun();
    for (const char *preset : {"single", "double"}) {
        SCOPED_TRACE(preset);
        ExportOptions options;
        ASSERT_TRUE(ExportOptions::forPreset(QLatin1String(preset), &options));
        EXPECT_EQ(options.dpi, 300);
        EXPECT_DOUBLE_EQ(options.fontPt, 8);
        EXPECT_FALSE(options.title);
        const QSizeF inches = options.inches();
        EXPECT_DOUBLE_EQ(inches.width(), QLatin1String(preset) == QLatin1String("single") ? 3.5 : 7.0);
        QTemporaryDir tmp;
        QStringList written;
        QString error;
        ASSERT_TRUE(PaperFigures::exportAll(sweep, tmp.path(), options, &written, &error)) << error.toStdString();
        const QStringList names = PaperFigures::figureNames(sweep, options);
        ASSERT_EQ(names.size(), 10);
        ASSERT_EQ(written.size(), names.size() * 3);
        for (const QString &name : names) {
            for (const char *format : {"pdf", "svg", "png"}) {
                const QString path = QDir(tmp.path()).filePath(name + QLatin1Char('.') + QLatin1String(format));
                SCOPED_TRACE(path.toStdString());
                ASSERT_TRUE(written.contains(path));
                const QSizeF size = QLatin1String(format) == QLatin1String("pdf")   ? D::pdfInches(path)
                                  : QLatin1String(format) == QLatin1String("svg") ? D::svgInches(path)
                                                                                   : D::pngInches(path);
                EXPECT_NEAR(size.width(), inches.width(), 0.005);
                EXPECT_NEAR(size.height(), inches.height(), 0.005);
            }
            const QImage png(QDir(tmp.path()).filePath(name + QStringLiteral(".png")));
            EXPECT_EQ(png.size(), QSize(options.widthPx, options.heightPx));
        }
    }
}

TEST(PaperExport, LegendsLabelsAndTitlesFitEveryFigure)
{
    D::app();
    const core::RunData sweep = D::sweepRun(true, true); // six planner labels: hpa, "hpa no tiles", ...
    const core::RunData single = D::singlePhaseRun();
    QString error;
    const auto c = core::Comparison::make(sweep, &error);
    ASSERT_TRUE(c) << error.toStdString();
    const auto stream = core::Comparison::make(D::streamRun(true), &error); // four curves
    ASSERT_TRUE(stream) << error.toStdString();
    for (const char *preset : {"single", "double", ""}) {
        ExportOptions options;
        ExportOptions::forPreset(QLatin1String(preset), &options);
        for (const Make &make : everyFigure(sweep, single, *c, *stream)) {
            QCustomPlot plot;
            const std::unique_ptr<Figure> figure = make(&plot);
            SCOPED_TRACE((QLatin1String(preset) + QLatin1Char('/') + figure->name()).toStdString());
            plot.resize(options.layoutSize());
            figure->applyOptions(options);
            figure->arrange();
            EXPECT_EQ(figure->titleVisible(), options.title);
            const QRect viewport = plot.viewport();
            ASSERT_EQ(viewport.size(), options.layoutSize());
            const int items = FigureChecks::expectLegendFits(&plot);
            EXPECT_GE(items, 2);
            int bottom = viewport.top();
            for (QCPAxisRect *rect : plot.axisRects()) { // panels one under the other, the legend below them
                EXPECT_GE(rect->rect().top(), bottom);
                bottom = rect->rect().bottom();
                for (QCPAxis *axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
                    FigureChecks::expectLabelInside(&plot, axis);
                    if (options.fontPt > 0) {
                        EXPECT_DOUBLE_EQ(axis->tickLabelFont().pointSizeF(), 8);
                        EXPECT_DOUBLE_EQ(axis->labelFont().pointSizeF(), 8);
                    }
                }
            }
            EXPECT_LE(bottom, plot.legend->outerRect().top());
            if (options.fontPt > 0) {
                EXPECT_DOUBLE_EQ(plot.legend->font().pointSizeF(), 8);
            }
            if (figure->titleVisible()) {
                EXPECT_TRUE(viewport.contains(figure->title()->outerRect()));
            }
        }
    }
}

TEST(PaperExport, ATitleOnlyWhenAsked)
{
    D::app();
    ExportOptions options;
    ASSERT_TRUE(ExportOptions::forPreset(QStringLiteral("single"), &options));
    options.title = true;
    QCustomPlot plot;
    const auto figure = RunPlots::build(QStringLiteral("latency"), D::singlePhaseRun(), &plot);
    EXPECT_TRUE(figure->titleVisible()); // the console's figures and default exports keep their titles
    figure->applyOptions(options);
    EXPECT_TRUE(figure->titleVisible());
    EXPECT_DOUBLE_EQ(figure->title()->font().pointSizeF(), 9);
    options.title = false;
    figure->applyOptions(options);
    EXPECT_FALSE(figure->titleVisible());
    EXPECT_EQ(plot.plotLayout()->rowCount(), 2); // the axis rect and the legend: the title's row is gone
    EXPECT_EQ(plot.plotLayout()->element(0, 0), plot.axisRect());
}

} // namespace
} // namespace d3::ui
