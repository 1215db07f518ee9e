#include "GraphTestSupport.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"
#include "graph/LayerNodeItem.h"
#include "graph/PartitionHandleItem.h"

#include <QScrollBar>
#include <QTest>

#include <gtest/gtest.h>

#include <iostream>

using d3::ui::LayerGraphPanel;
using d3::ui::LayerNodeItem;

namespace {

/// How a model opens in a pane: whole, or in rows that scroll vertically only.
enum class Opens { Whole, ScrollsVertically };

/// A model, the panel's size and how it is expected to open there.
struct Opening {
    const char *model;
    QSize pane;
    Opens opens;
};

std::ostream &operator<<(std::ostream &out, const Opening &o)
{
    return out << o.model << " in " << o.pane.width() << "x" << o.pane.height();
}

class LayerGraphOpeningTest : public testing::TestWithParam<Opening>
{
protected:
    static void SetUpTestSuite() { d3::test::GraphTestSupport::app(); }
};

/// The rectangle of handle `which`'s grip in the viewport.
QRectF gripInViewport(const LayerGraphPanel &panel, int which)
{
    const auto *h = panel.handle(which);
    return h->deviceTransform(panel.view()->viewportTransform()).mapRect(h->gripRect());
}

} // namespace

TEST_P(LayerGraphOpeningTest, ShowsTheModelReadablyWithBothHandles)
{
    const Opening o = GetParam();
    const auto graph = d3::test::GraphTestSupport::model(QLatin1String(o.model));
    LayerGraphPanel panel;
    panel.resize(o.pane);
    panel.setModel(graph);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const auto *view = panel.view();
    const auto &layout = panel.layout();

    // Every layer inside the scene.
    const QRectF scene = view->sceneRect();
    for (int i = 0; i < graph.layerCount(); ++i)
        ASSERT_TRUE(scene.contains(layout.box(i))) << i;

    // Labels readable on screen.
    const qreal labelPixels = LayerNodeItem::labelFont().pixelSize() * view->zoom();
    std::cout << o << " (viewport " << view->viewport()->width() << "x" << view->viewport()->height()
              << "): zoom " << view->zoom() << ", labels " << labelPixels << " px, " << layout.rowCount()
              << " rows of " << layout.columnsPerRow() << std::endl;
    EXPECT_GE(labelPixels, LayerGraphPanel::kReadablePixels - 1e-9);

    // Never a horizontal scroll: every row fits the width; the whole model, or rows that scroll vertically.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect().adjusted(-1, -1, 1, 1);
    const QScrollBar *across = view->horizontalScrollBar();
    const QScrollBar *down = view->verticalScrollBar();
    EXPECT_EQ(across->maximum(), across->minimum());
    EXPECT_LE(scene.width() * view->zoom(), view->viewport()->width() + 1);
    EXPECT_LE(visible.left(), layout.bounds().left());
    EXPECT_GE(visible.right(), layout.bounds().right());
    if (o.opens == Opens::Whole) {
        EXPECT_TRUE(visible.contains(layout.bounds()));
        EXPECT_EQ(down->maximum(), down->minimum());
    } else {
        EXPECT_GT(down->maximum(), down->minimum());
        EXPECT_LE(down->value() - down->minimum(), 1) << "its first rows"; // centring rounds to a pixel
    }

    // Both grips on screen (p == q == 0), labelled apart.
    ASSERT_EQ(panel.p(), 0);
    ASSERT_EQ(panel.q(), 0);
    const QRectF viewport = QRectF(view->viewport()->rect());
    const QRectF p = gripInViewport(panel, 0), q = gripInViewport(panel, 1);
    EXPECT_TRUE(viewport.contains(p)) << p.x() << "," << p.y();
    EXPECT_TRUE(viewport.contains(q)) << q.x() << "," << q.y();
    EXPECT_FALSE(p.intersects(q));
    EXPECT_LT(p.right(), q.left()) << "p left of q";
    EXPECT_GE(p.width(), 16);
}

INSTANTIATE_TEST_SUITE_P(
    LayerGraphPanel, LayerGraphOpeningTest,
    testing::Values(Opening{"resnet18", {1000, 300}, Opens::ScrollsVertically},
                    Opening{"resnet18", {1300, 470}, Opens::Whole}, // the strip above takes 26 px
                    Opening{"resnet18", {440, 235}, Opens::ScrollsVertically},
                    Opening{"alexnet", {1000, 300}, Opens::Whole},
                    Opening{"googlenet", {1000, 300}, Opens::ScrollsVertically},
                    Opening{"googlenet", {440, 235}, Opens::ScrollsVertically},
                    Opening{"densenet121", {1000, 300}, Opens::ScrollsVertically},
                    Opening{"densenet121", {440, 235}, Opens::ScrollsVertically}));
