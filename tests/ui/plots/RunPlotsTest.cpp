#include "plots/LatencyFigure.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/RunPlots.h"
#include "plots/StagesFigure.h"

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
    static int argc = 1;
    static char name[] = "ui_plots_tests";
    static char *argv[] = {name, nullptr};
    static QApplication instance(argc, argv);
    return instance;
}

const QString kPlanLabel = QStringLiteral("hpa: edge|cloud cut 14 -> 18");
const QString kTimelineLabel = QStringLiteral("backbone drops");

/// 40 requests in a closed loop, the 10th, 20th and 30th failed, two oracle probes; a phase start, a timeline
/// event and two plans.
core::RunData syntheticRun()
{
    core::RunData data;
    double t = 0;
    for (int i = 0; i < 42; ++i) {
        core::RequestRecord r;
        r.id = quint64(i);
        r.planId = i < 16 ? 1 : 2;
        r.planner = QStringLiteral("hpa");
        r.plan = i < 16 ? QStringLiteral("p=3 q=14") : QStringLiteral("p=3 q=18");
        r.probe = i == 40 || i == 41;
        r.completed = i % 10 != 9;
        r.failure = r.completed ? QString() : QStringLiteral("timeout");
        r.startMs = t;
        r.deviceMs = 20;
        r.uplinkMs = 8;
        r.tilesMs = 15;
        r.edgeEdgeMs = 3;
        r.edgeMs = 10;
        r.backboneMs = i < 16 ? 12 : 40;
        r.cloudMs = 25;
        r.returnMs = 2;
        r.endToEndMs = r.completed ? 125 + (i % 3) : 0;
        r.predictedMs = i < 16 ? 118 : 140;
        r.backboneBytes = i < 16 ? 200704 : 802816;
        data.requests << r;
        t += 130;
    }
    const auto event = [](double tMs, const char *kind, const QString &label) {
        core::RunEvent e;
        e.tMs = tMs;
        e.kind = QString::fromLatin1(kind);
        e.label = label;
        return e;
    };
    data.events << event(0, "phase", QStringLiteral("phase 0")) << event(1990, "timeline", kTimelineLabel)
                << event(2050, "plan", kPlanLabel) << event(4000, "plan", QStringLiteral("hpa: tiles 2x2"))
                << event(4100, "node_lost", QStringLiteral("edge1 lost"));
    return data;
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
