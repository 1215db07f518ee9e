#include "plots/LatencyFigure.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/RunPlots.h"
#include "plots/StagesFigure.h"

#include "PlotTestData.h"
#include "TestFiles.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

namespace d3::ui {
namespace {

QApplication &app()
{
    return PlotTestData::app();
}

const QString kPlanLabel = QStringLiteral("hpa: edge|cloud cut 14 -> 18");
const QString kTimelineLabel = QStringLiteral("backbone drops");

core::RunData syntheticRun()
{
    return PlotTestData::singlePhaseRun();
}

int finiteCount(QCPGraph *graph)
{
    int n = 0;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        n += std::isfinite(it->value) ? 1 : 0;
    return n;
}

TEST(RunPlots, FiguresDrawWhatTheRunHolds)
{
    app();
    const core::RunData data = syntheticRun();
    QCustomPlot latencyPlot;
    const auto latency = RunPlots::build(QStringLiteral("latency"), data, &latencyPlot);
    ASSERT_TRUE(latency);
    auto *figure = dynamic_cast<LatencyFigure *>(latency.get());
    ASSERT_TRUE(figure);
    EXPECT_EQ(finiteCount(figure->measured()), 36); // 40 non-probes, 4 failed (9, 19, 29, 39)
    EXPECT_EQ(figure->measured()->dataCount(), 40);  // the failed ones are gaps (NaN) in the line
    EXPECT_EQ(figure->failed()->dataCount(), 4);
    EXPECT_EQ(figure->predicted()->dataCount(), 40);
    EXPECT_EQ(figure->markers().count(), 4); // phase, timeline, two plans; node_lost has none
    EXPECT_DOUBLE_EQ(figure->markers().lastSeconds(), 4.0);
    EXPECT_GE(latencyPlot.xAxis->range().upper, 39 * 0.13);
    EXPECT_GE(latencyPlot.yAxis->range().upper, 140);

    QCustomPlot stagesPlot;
    const auto stages = RunPlots::build(QStringLiteral("stages"), data, &stagesPlot);
    auto *stagesFigure = dynamic_cast<StagesFigure *>(stages.get());
    ASSERT_TRUE(stagesFigure);
    ASSERT_EQ(stagesFigure->bars().size(), 8);
    EXPECT_EQ(StagesFigure::stageNames(), (QStringList{"device", "uplink", "tiles", "edge-edge", "edge", "backbone",
                                                        "cloud", "return"}));
    for (QCPBars *bars : stagesFigure->bars())
        EXPECT_EQ(bars->dataCount(), 36);
    EXPECT_NEAR(stagesFigure->bars().first()->width(), 0.8 * 0.13, 1e-9);
    EXPECT_GE(stagesPlot.yAxis->range().upper, 20 + 8 + 15 + 3 + 10 + 40 + 25 + 2);
    EXPECT_EQ(stagesPlot.legend->itemCount(), 8 + 2); // the stages and the two marker styles

    QCustomPlot unknownPlot;
    EXPECT_FALSE(RunPlots::create(QStringLiteral("nope"), &unknownPlot));
}

TEST(RunPlots, StreamingGivesTheSameFigureAsLoading)
{
    app();
    const core::RunData data = syntheticRun();
    QCustomPlot plot;
    const auto figure = RunPlots::create(QStringLiteral("latency"), &plot);
    auto *latency = dynamic_cast<LatencyFigure *>(figure.get());
    ASSERT_TRUE(latency);
    for (const core::RunEvent &e : data.events)
        figure->addEvent(e);
    for (const core::RequestRecord &r : data.requests) {
        figure->appendRequest(r);
        figure->fit();
    }
    EXPECT_EQ(finiteCount(latency->measured()), 36);
    EXPECT_EQ(latency->markers().count(), 4);
    figure->load(data); // loading again replaces, never duplicates
    EXPECT_EQ(latency->measured()->dataCount(), 40);
    EXPECT_EQ(latency->markers().count(), 4);
    figure->clear();
    EXPECT_EQ(latency->measured()->dataCount(), 0);
    EXPECT_EQ(latency->markers().count(), 0);
}

TEST(RunPlots, ExportsPdfSvgAndPng)
{
    app();
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("plots"));
    ExportOptions options;
    options.widthPx = 1001;
    options.heightPx = 617;
    options.dpi = 137;
    QStringList written;
    QString error;
    ASSERT_TRUE(RunPlots::exportAll(syntheticRun(), dir, options, &written, &error)) << error.toStdString();
    QStringList expected;
    for (const char *figure : {"latency", "stages", "backbone"})
        for (const char *format : {"pdf", "svg", "png"})
            expected << QDir(dir).filePath(QStringLiteral("%1.%2").arg(QLatin1String(figure), QLatin1String(format)));
    EXPECT_EQ(written, expected);

    for (const QString &path : written) {
        SCOPED_TRACE(path.toStdString());
        const QByteArray bytes = test::TestFiles::read(path);
        // The same inches in every format (the PDF's page is in whole points, the SVG in whole layout pixels).
        const QSizeF inches = path.endsWith(QLatin1String(".pdf"))   ? PlotTestData::pdfInches(path)
                            : path.endsWith(QLatin1String(".svg")) ? PlotTestData::svgInches(path)
                                                                    : PlotTestData::pngInches(path);
        EXPECT_NEAR(inches.width(), 1001.0 / 137, 0.01);
        EXPECT_NEAR(inches.height(), 617.0 / 137, 0.01);
        if (path.endsWith(QLatin1String(".pdf"))) {
            EXPECT_TRUE(bytes.startsWith("%PDF"));
        } else if (path.endsWith(QLatin1String(".svg"))) {
            QXmlStreamReader xml(bytes);
            QString text;
            QString root;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && root.isEmpty())
                    root = xml.name().toString();
                if (xml.isCharacters())
                    text += xml.text().toString() + QLatin1Char('\n');
            }
            EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
            EXPECT_EQ(root, QStringLiteral("svg"));
            EXPECT_TRUE(text.contains(kPlanLabel)) << text.toStdString();
            EXPECT_TRUE(text.contains(kTimelineLabel));
            EXPECT_FALSE(bytes.contains("cx=\"0\" cy=\"0\"")); // no scatter point for a failed request's gap
        } else {
            QImage image;
            ASSERT_TRUE(image.loadFromData(bytes, "PNG"));
            EXPECT_EQ(image.size(), QSize(1001, 617));
            EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 137, 0.5);
            // Something is drawn: not a blank page.
            int dark = 0;
            for (int y = 0; y < image.height(); y += 3)
                for (int x = 0; x < image.width(); x += 3)
                    dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            EXPECT_GT(dark, 100);
        }
    }
}

TEST(RunPlots, PngHasExactlyTheChosenPixelsAtAnyDpi)
{
    app();
    QTemporaryDir tmp;
    for (const auto &[w, h, dpi] : {std::tuple{640, 480, 96}, std::tuple{1203, 777, 300}, std::tuple{999, 333, 71}}) {
        ExportOptions options;
        options.formats = QStringList{QStringLiteral("png")};
        options.widthPx = w;
        options.heightPx = h;
        options.dpi = dpi;
        QStringList written;
        QString error;
        ASSERT_TRUE(RunPlots::exportAll(syntheticRun(), tmp.path(), options, &written, &error)) << error.toStdString();
        ASSERT_EQ(written.size(), 3);
        QImage image(written.first());
        EXPECT_EQ(image.size(), QSize(w, h)) << dpi;
    }
}

TEST(RunPlots, ExportRefusesBadOptionsAndFolders)
{
    app();
    QTemporaryDir tmp;
    QStringList written;
    QString error;
    ExportOptions options;
    options.formats = QStringList{QStringLiteral("gif")};
    EXPECT_FALSE(RunPlots::exportAll(syntheticRun(), tmp.path(), options, &written, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("unknown format 'gif'"))) << error.toStdString();
    options = ExportOptions();
    options.widthPx = 20;
    EXPECT_FALSE(RunPlots::exportAll(syntheticRun(), tmp.path(), options, &written, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("size 20x1000"))) << error.toStdString();
    options = ExportOptions();
    QFile file(tmp.filePath(QStringLiteral("afile")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EXPECT_FALSE(RunPlots::exportAll(syntheticRun(), file.fileName(), options, &written, &error));
    EXPECT_EQ(error, file.fileName() + QStringLiteral(": is a file, not a folder (a run writes a folder of files)"));
    EXPECT_TRUE(written.isEmpty());
}

TEST(RunPlots, AnEmptyRunStillDraws)
{
    app();
    QTemporaryDir tmp;
    ExportOptions options;
    options.formats = QStringList{QStringLiteral("png"), QStringLiteral("svg")};
    QStringList written;
    QString error;
    ASSERT_TRUE(RunPlots::exportAll(core::RunData(), tmp.path(), options, &written, &error)) << error.toStdString();
    EXPECT_EQ(written.size(), 6);
}

} // namespace
} // namespace d3::ui
