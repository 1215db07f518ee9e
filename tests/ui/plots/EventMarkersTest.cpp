// The event markers: a plan marker only when the plan changed, probes as spans and never as plans, short labels,
// and labels that never overlap.
#include "PlotTestData.h"
#include "plots/EventMarkers.h"
#include "plots/LatencyFigure.h"
#include "plots/PlanLabel.h"
#include "plots/PlannerStyle.h"
#include "plots/PlotExporter.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/RunPlots.h"
#include "plots/TimelineFigure.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using D = PlotTestData;

QStringList shownLabels(const EventMarkers &markers)
{
    QStringList texts;
    for (QCPItemText *t : markers.labels())
        if (t->visible())
            texts << t->text();
    return texts;
}

QStringList legendNames(QCustomPlot *plot)
{
    QStringList names;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

TEST(PlanLabel, ShortLabelsFromDetails)
{
    core::RunEvent e = D::planEvent(0, 0, QStringLiteral("hpa"), 3, 14, 2, 2);
    e.details.insert(QStringLiteral("short"), QStringLiteral("3-tier, 2x2 tiles"));
    EXPECT_EQ(PlanLabel::of(e), QStringLiteral("HPA: 3-tier, 2x2 tiles"));
    e.details.remove(QStringLiteral("short")); // computed from cuts, grid and layers (69)
    EXPECT_EQ(PlanLabel::of(e), QStringLiteral("HPA: 3-tier, 2x2 tiles"));
    EXPECT_EQ(PlanLabel::of(D::planEvent(0, 0, QStringLiteral("neurosurgeon"), 5, 5)),
              QStringLiteral("Neurosurgeon: device+cloud"));
    EXPECT_EQ(PlanLabel::of(D::planEvent(0, 0, QStringLiteral("cloud-only"), 0, 0)), QStringLiteral("cloud-only: cloud only"));
    EXPECT_EQ(PlanLabel::of(D::planEvent(0, 0, QStringLiteral("dads"), 0, 30)), QStringLiteral("DADS: edge+cloud"));
    EXPECT_EQ(PlanLabel::of(D::planEvent(0, 0, QStringLiteral("edge-cloud"), 4, 69)), QStringLiteral("edge-cloud: device+edge"));
    core::RunEvent bare = D::event(0, "plan", QStringLiteral("manual: p=3 q=7"));
    EXPECT_EQ(PlanLabel::of(bare), QStringLiteral("manual: p=3 q=7")); // no details: the label
    bare.details.insert(QStringLiteral("cuts"), QJsonArray{3, 7}); // cuts without layers: still the label
    EXPECT_EQ(PlanLabel::of(bare), QStringLiteral("manual: p=3 q=7"));

    EXPECT_EQ(PlannerStyle::displayName(QStringLiteral("hpa")), QStringLiteral("HPA"));
    EXPECT_EQ(PlannerStyle::displayName(QStringLiteral("dads")), QStringLiteral("DADS"));
    EXPECT_EQ(PlannerStyle::displayName(QStringLiteral("oracle")), QStringLiteral("Oracle"));
    EXPECT_EQ(PlannerStyle::displayName(QStringLiteral("neurosurgeon")), QStringLiteral("Neurosurgeon"));
    for (const char *same : {"edge-cloud", "device-only", "cloud-only", "edge-only", "manual"})
        EXPECT_EQ(PlannerStyle::displayName(QLatin1String(same)), QLatin1String(same));
    EXPECT_EQ(PlannerStyle::displayName(QStringLiteral("hpa no tiles")), QStringLiteral("HPA, no tiles"));
}

TEST(PlannerStyle, EveryPlannerLooksDifferentInGrey)
{
    const QStringList planners{"hpa", "oracle", "dads", "neurosurgeon", "edge-cloud", "device-only", "cloud-only",
                               "edge-only", "manual"};
    for (int i = 0; i < planners.size(); ++i) {
        const PlannerStyle a = PlannerStyle::of(planners[i]);
        for (int j = 0; j < i; ++j) {
            const PlannerStyle b = PlannerStyle::of(planners[j]);
            SCOPED_TRACE((planners[i] + QLatin1Char('/') + planners[j]).toStdString());
            EXPECT_NE(a.color, b.color);
            EXPECT_NE(a.shape, b.shape); // curves: marks apart
            EXPECT_FALSE(a.dashes == b.dashes); // curves: dash patterns apart
            // Bars: a different lightness in grey, or a different hatch.
            EXPECT_TRUE(qAbs(qGray(a.color.rgb()) - qGray(b.color.rgb())) >= 12 || a.hatch != b.hatch);
        }
    }
    const PlannerStyle noTiles = PlannerStyle::of(QStringLiteral("hpa no tiles"));
    EXPECT_TRUE(noTiles.hollow);
    EXPECT_NE(noTiles.hatch, PlannerStyle::of(QStringLiteral("hpa")).hatch);
    EXPECT_GT(qGray(noTiles.color.rgb()), qGray(PlannerStyle::of(QStringLiteral("hpa")).color.rgb()));
}

TEST(EventMarkers, OnlyAChangedPlanIsANewPlanAndProbesAreSpans)
{
    D::app();
    core::RunData data;
    for (int i = 0; i < 30; ++i) {
        core::RequestRecord r;
        r.phase = i < 15 ? 0 : 1;
        r.completed = true;
        r.startMs = 100.0 * i;
        r.endToEndMs = 50;
        r.probe = i == 7 || i == 8;
        data.requests << r;
    }
    data.events << D::event(0, "phase", QStringLiteral("phase 0"), 0)
                << D::planEvent(10, 0, QStringLiteral("hpa"), 3, 14)                        // new
                << D::planEvent(300, 0, QStringLiteral("hpa"), 3, 14)                       // unchanged: no marker
                << D::planEvent(400, 0, QStringLiteral("oracle"), 3, 14)                    // same plan, another planner
                << D::planEvent(690, 0, QStringLiteral("oracle"), 0, 0, 1, 1, QStringLiteral("probe"))
                << D::planEvent(890, 0, QStringLiteral("hpa"), 3, 14, 1, 1, QStringLiteral("after probe"))
                << D::planEvent(1000, 0, QStringLiteral("hpa"), 3, 18, 2, 2)                // new: 2x2 tiles
                << D::planEvent(1200, 0, QStringLiteral("hpa"), 3, 18, 2, 2)                // unchanged
                << D::event(1500, "phase", QStringLiteral("phase 1"), 1)
                << D::planEvent(1510, 1, QStringLiteral("hpa"), 3, 18, 2, 2);               // new phase: drawn
    QCustomPlot plot;
    const auto figure = RunPlots::build(QStringLiteral("latency"), data, &plot);
    const EventMarkers &markers = figure->markers();
    EXPECT_EQ(markers.planCount(), 3);
    EXPECT_EQ(markers.count(), 2 + 3); // two phases, three new plans
    EXPECT_EQ(markers.probeCount(), 1);
    ASSERT_EQ(markers.probeSpans().size(), 1);
    EXPECT_DOUBLE_EQ(markers.probeSpans().first()->topLeft->coords().x(), 0.69);
    EXPECT_DOUBLE_EQ(markers.probeSpans().first()->bottomRight->coords().x(), 0.89);
    plot.resize(800, 500);
    figure->arrange();
    const QStringList labels = shownLabels(markers);
    EXPECT_EQ(labels.count(QStringLiteral("HPA: 3-tier")), 1) << labels.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(labels.count(QStringLiteral("HPA: 3-tier, 2x2 tiles")), 2) << labels.join(QLatin1Char('|')).toStdString();
    for (const QString &l : labels)
        EXPECT_FALSE(l.contains(QStringLiteral("Oracle")) || l.contains(QStringLiteral("cloud only"))) << l.toStdString();
    const QStringList legend = legendNames(&plot);
    EXPECT_TRUE(legend.contains(QStringLiteral("new plan")));
    EXPECT_TRUE(legend.contains(QStringLiteral("oracle probe")));

    // The timeline: probes left out of the request numbers; a probe is a narrow span between two requests.
    QCustomPlot timelinePlot;
    TimelineFigure timeline(&timelinePlot, data);
    EXPECT_EQ(timeline.markers().planCount(), 3);
    EXPECT_EQ(timeline.markers().probeCount(), 1);
    EXPECT_EQ(timeline.series().measured()->dataCount(), 28);
    EXPECT_DOUBLE_EQ(timeline.keyOf(690), 7.5); // requests 0..6 started before it
    const QCPItemRect *span = timeline.markers().probeSpans().first();
    EXPECT_NEAR(span->bottomRight->coords().x() - span->topLeft->coords().x(), 0.6, 1e-9);
}

TEST(EventMarkers, LabelsNeverOverlapAndStayAboveTheData)
{
    D::app();
    core::RunData data;
    for (int i = 0; i < 60; ++i) {
        core::RequestRecord r;
        r.completed = true;
        r.startMs = 100.0 * i;
        r.endToEndMs = 40 + i % 7;
        r.predictedMs = 42;
        data.requests << r;
    }
    // Fourteen plan changes and four timeline events within six seconds: more than fit on one row.
    for (int i = 0; i < 14; ++i)
        data.events << D::planEvent(200 + 400.0 * i, 0, i % 2 ? QStringLiteral("hpa") : QStringLiteral("dads"), 1 + i,
                                    20 + i, 1 + i % 2, 1 + i % 3);
    for (int i = 0; i < 4; ++i)
        data.events << D::event(150 + 1500.0 * i, "timeline", QStringLiteral("backbone changes %1").arg(i));
    for (const char *preset : {"single", "double"}) {
        SCOPED_TRACE(preset);
        ExportOptions options;
        ASSERT_TRUE(ExportOptions::forPreset(QLatin1String(preset), &options));
        for (const bool timelineFigure : {false, true}) {
            QCustomPlot plot;
            std::unique_ptr<Figure> figure;
            const EventMarkers *markers = nullptr;
            if (timelineFigure) {
                auto t = std::make_unique<TimelineFigure>(&plot, data);
                markers = &t->markers();
                figure = std::move(t);
            } else {
                auto l = RunPlots::build(QStringLiteral("latency"), data, &plot);
                markers = &l->markers();
                figure = std::move(l);
            }
            QTemporaryDir tmp;
            QStringList written;
            QString error;
            options.formats = QStringList{QStringLiteral("png")};
            ASSERT_TRUE(PlotExporter::saveFigure(figure.get(), tmp.path(), options, &written, &error));
            EXPECT_EQ(markers->planCount(), 14);
            QVector<QRectF> rects;
            for (QCPItemText *label : markers->labels()) {
                if (!label->visible())
                    continue;
                const QRectF r = EventMarkers::rectOf(label);
                EXPECT_TRUE(QRectF(plot.viewport()).contains(r)) << label->text().toStdString();
                EXPECT_LE(r.bottom(), plot.axisRect()->rect().top() + 0.5) << label->text().toStdString();
                for (const QRectF &other : std::as_const(rects))
                    EXPECT_FALSE(r.intersects(other)) << label->text().toStdString();
                rects << r;
            }
            EXPECT_GE(rects.size(), 6); // several rows are used, not one
        }
    }
}

} // namespace
} // namespace d3::ui
