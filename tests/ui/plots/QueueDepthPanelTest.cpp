// The live plots' strip of queue depths and throughput: the places in request order with their counts, painted at
// most once a redraw however often the depths change, and the throughput.
#include "plots/LivePlotsPanel.h"
#include "plots/QueueDepthPanel.h"

#include "PlotTestData.h"

#include <QApplication>
#include <QImage>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using core::StageDepths;
constexpr auto completedAt = &PlotTestData::completedAt;

TEST(QueueDepthPanelTest, ShowsEveryPlaceAndTheThroughputAndPaintsOnceARedraw)
{
    PlotTestData::app();
    LivePlotsPanel plots;
    plots.resize(1200, 700);
    plots.show();
    QueueDepthPanel *strip = plots.queueDepths();
    ASSERT_NE(strip, nullptr);
    core::ExperimentStream stream;
    stream.enabled = true;
    stream.inFlight = 4;
    plots.setStream(stream);
    plots.redrawIfDirty();
    QApplication::processEvents();
    const int paints = strip->paints();

    // Depths change many times within one frame: one paint shows the last.
    for (int i = 0; i < 50; ++i)
        plots.setDepths({i % 3, 1, 0, i % 2, 2, 0});
    const StageDepths::Counts last{3, 1, 2, 0, 1, 1};
    plots.setDepths(last);
    EXPECT_EQ(strip->paints(), paints); // nothing painted between redraws
    plots.redrawIfDirty();
    strip->repaint();
    EXPECT_EQ(strip->paints(), paints + 1);
    EXPECT_EQ(strip->depths(), last);
    plots.redrawIfDirty(); // nothing changed: no paint
    QApplication::processEvents();
    EXPECT_EQ(strip->paints(), paints + 1);

    for (int i = 0; i < 200; ++i)
        plots.appendRequest(completedAt(1000 + i * 40.0, 60)); // 25 a second
    EXPECT_NEAR(strip->throughput(), 25.0, 0.5);
    const QString summary = strip->summary();
    for (const QString &part : {QStringLiteral("waiting 3"), QStringLiteral("device 1"), QStringLiteral("tiles 2"),
                                QStringLiteral("edge 0"), QStringLiteral("cloud 1"), QStringLiteral("returning 1"),
                                QStringLiteral("25.0 req/s")})
        EXPECT_TRUE(summary.contains(part)) << summary.toStdString();
    // It takes the room of two lines of text, and paints the places' blocks in their tiers' colours.
    EXPECT_GE(strip->height(), 2 * strip->fontMetrics().height());
    const QImage image = strip->grab().toImage();
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            coloured += image.pixelColor(x, y).saturation() > 100;
    EXPECT_GT(coloured, 0);

    plots.clear();
    EXPECT_EQ(strip->depths(), StageDepths::Counts{});
    EXPECT_EQ(strip->throughput(), 0.0);
}

} // namespace
} // namespace d3::ui
