// The strip above the layer graph: the whole model's partition at a glance, what the view shows outlined, and a
// click there shows that layer in the view.
#include "LayerGraphPanelFixture.h"

#include "graph/LayerStrip.h"

namespace d3::test {
namespace {

using d3::ui::LayerStrip;

class LayerStripTest : public LayerGraphPanelFixture
{
};

TEST_F(LayerStripTest, ShowsEveryLayersTierAndTheCutsOfTheWholeModel)
{
    const LayerStrip *strip = panel.strip();
    ASSERT_EQ(strip->layerCount(), graph.layerCount());
    for (int i = 0; i < graph.layerCount(); ++i)
        EXPECT_EQ(strip->tier(i), panel.node(i)->tier()) << i;
    EXPECT_EQ(strip->tier(3), Tier::Device);
    EXPECT_EQ(strip->tier(4), Tier::Edge);
    EXPECT_EQ(strip->tier(20), Tier::Cloud);
    EXPECT_GE(strip->cutX(0), 0);
    EXPECT_LT(strip->cutX(4), strip->cutX(20));
    EXPECT_LE(strip->cutX(graph.layerCount()), strip->width());
    // The view shows some rows of the folded model, not all: the strip outlines those layers.
    const auto [first, last] = strip->visibleLayers();
    ASSERT_LE(first, last);
    for (int i = 0; i < graph.layerCount(); ++i) {
        const bool inView = panel.view()->mapToScene(panel.view()->viewport()->rect()).boundingRect().intersects(
            panel.layout().box(i));
        if (inView)
            EXPECT_TRUE(i >= first && i <= last) << i;
    }

    // A drag moves the strip's cut with the handle.
    drag(1, 20, cut(30));
    EXPECT_EQ(strip->tier(25), Tier::Edge);
    EXPECT_EQ(strip->tier(30), Tier::Cloud);
}

TEST_F(LayerStripTest, AClickOnTheStripShowsThatLayerInTheView)
{
    panel.view()->setZoom(1);
    LayerStrip *strip = panel.strip();
    const int last = graph.layerCount() - 1;
    panel.view()->centerOn(panel.layout().box(0).center());
    QApplication::processEvents();
    ASSERT_FALSE(panel.view()->mapToScene(panel.view()->viewport()->rect()).boundingRect().intersects(
        panel.layout().box(last))) << "the last layer is in view already";
    const QPoint at(int((strip->cutX(last) + strip->cutX(last + 1)) / 2), strip->height() - 4);
    QTest::mouseClick(strip, Qt::LeftButton, Qt::NoModifier, at);
    EXPECT_TRUE(panel.view()->mapToScene(panel.view()->viewport()->rect()).boundingRect().contains(
        panel.layout().box(last).center()));
    const auto [first, lastShown] = strip->visibleLayers();
    EXPECT_LE(first, last);
    EXPECT_EQ(lastShown, last);
}

// 427 layers in a pane of 440 pixels: every one of them has its cell, and the cuts stay apart.
TEST(LayerStripLongModelTest, HoldsDensenet121Whole)
{
    GraphTestSupport::app();
    ui::LayerGraphPanel panel;
    panel.resize(440, 235);
    panel.setModel(GraphTestSupport::model(QStringLiteral("densenet121")));
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    core::Plan plan;
    plan.p = 100;
    plan.q = 300;
    panel.setPlan(plan);
    const LayerStrip *strip = panel.strip();
    ASSERT_EQ(strip->layerCount(), 427);
    EXPECT_EQ(strip->tier(99), Tier::Device);
    EXPECT_EQ(strip->tier(299), Tier::Edge);
    EXPECT_EQ(strip->tier(300), Tier::Cloud);
    EXPECT_GT(strip->cutX(300) - strip->cutX(100), 100); // the edge's share of the model, visibly
    EXPECT_LE(strip->cutX(427), strip->width());
}

} // namespace
} // namespace d3::test
