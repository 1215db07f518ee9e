#include "LayerGraphPanelFixture.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"
#include "graph/LayerNodeItem.h"
#include "graph/PartitionHandleItem.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using d3::ui::LayerGraphPanel;
using d3::ui::LayerGraphView;
using Tier = d3::ui::LayerNodeItem::Tier;

using LayerGraphPanelTest = d3::test::LayerGraphPanelFixture;

TEST_F(LayerGraphPanelTest, DraggingAHandleSnapsAndAsksForTheCuts)
{
    panel.setPredictor([](int p, int q) { return 10.0 * p + q; });
    QSignalSpy cuts(&panel, &LayerGraphPanel::cutsRequested);
    expectTiers(4, 20);

    const QString label = drag(0, 4, cut(10) + QPointF(d3::ui::LayerGraphLayout::kColumnPitch * 0.3, 0));
    const auto &cut = graph.cut(10);
    const QLocale locale;
    EXPECT_TRUE(label.startsWith(QStringLiteral("cut 10: %1 KiB crossing (")
                                     .arg(locale.toString(double(cut.bytes) / 1024.0, 'f', 1))))
        << label.toStdString();
    EXPECT_TRUE(label.contains(QString::number(cut.tensors.size()))) << label.toStdString();
    EXPECT_TRUE(label.endsWith(QStringLiteral("predicted %1 ms").arg(locale.toString(120.0, 'f', 1))))
        << label.toStdString();
    EXPECT_TRUE(panel.cutLabel().isEmpty()) << "the label goes with the drag";

    ASSERT_EQ(cuts.count(), 1);
    EXPECT_EQ(cuts.at(0).at(0).toInt(), 10);
    EXPECT_EQ(cuts.at(0).at(1).toInt(), 20);
    EXPECT_EQ(panel.p(), 10);
    EXPECT_EQ(panel.handle(0)->x(), panel.layout().cutX(10));
    expectTiers(10, 20);
    EXPECT_EQ(panel.undoStack()->count(), 1);

    panel.undoStack()->undo();
    ASSERT_EQ(cuts.count(), 2);
    EXPECT_EQ(cuts.at(1).at(0).toInt(), 4);
    EXPECT_EQ(cuts.at(1).at(1).toInt(), 20);
    EXPECT_EQ(panel.handle(0)->x(), panel.layout().cutX(4));
    expectTiers(4, 20);

    panel.undoStack()->redo();
    ASSERT_EQ(cuts.count(), 3);
    EXPECT_EQ(cuts.at(2).at(0).toInt(), 10);
    EXPECT_EQ(cuts.at(2).at(1).toInt(), 20);
    expectTiers(10, 20);
}

TEST_F(LayerGraphPanelTest, HandlesStayInOrderAndADropInPlaceIsNoMove)
{
    QSignalSpy cuts(&panel, &LayerGraphPanel::cutsRequested);
    const int n = graph.layerCount();
    auto last = [&] { return std::make_pair(cuts.last().at(0).toInt(), cuts.last().at(1).toInt()); };
    // q dragged far left of p stops at p: an empty edge range.
    drag(1, 20, cut(1));
    ASSERT_EQ(cuts.count(), 1);
    EXPECT_EQ(last(), std::make_pair(4, 4));
    expectTiers(4, 4);
    // Both handles on cut 4: a drag to the left moves p ...
    drag(1, 4, cut(2));
    ASSERT_EQ(cuts.count(), 2);
    EXPECT_EQ(last(), std::make_pair(2, 4));
    // ... p dragged past q stops at q ...
    drag(0, 2, cut(n) + QPointF(500, 0));
    ASSERT_EQ(cuts.count(), 3);
    EXPECT_EQ(last(), std::make_pair(4, 4));
    // ... and a drag to the right moves q.
    drag(0, 4, cut(n) + QPointF(500, 0));
    ASSERT_EQ(cuts.count(), 4);
    EXPECT_EQ(last(), std::make_pair(4, n));
    expectTiers(4, n);
    EXPECT_EQ(panel.undoStack()->count(), 4);
    // A drop that snaps back to where the handle started is no move.
    drag(0, 4, cut(4) + QPointF(d3::ui::LayerGraphLayout::kColumnPitch * 0.3, 0));
    EXPECT_EQ(cuts.count(), 4);
    EXPECT_EQ(panel.undoStack()->count(), 4);
    EXPECT_EQ(panel.handle(0)->x(), panel.layout().cutX(4));
}

TEST_F(LayerGraphPanelTest, ThePlanColoursWithoutUndoEntryOrSignal)
{
    QSignalSpy cuts(&panel, &LayerGraphPanel::cutsRequested);
    d3::core::Plan plan;
    plan.p = 2;
    plan.q = 30;
    plan.stackEnd = 12;
    plan.rows = plan.cols = 2;
    panel.setPlan(plan);
    EXPECT_EQ(cuts.count(), 0);
    EXPECT_EQ(panel.undoStack()->count(), 0);
    EXPECT_EQ(panel.p(), 2);
    EXPECT_EQ(panel.q(), 30);
    EXPECT_EQ(panel.handle(1)->x(), panel.layout().cutX(30));
    EXPECT_EQ(panel.handle(1)->y() + panel.handle(1)->boundingRect().bottom(), panel.layout().cutLine(30).y2());
    for (int i = 0; i < graph.layerCount(); ++i) {
        const Tier want = i < 2 ? Tier::Device : i < 12 ? Tier::TiledEdge : i < 30 ? Tier::Edge : Tier::Cloud;
        EXPECT_EQ(panel.node(i)->tier(), want) << i;
    }
    EXPECT_NE(d3::ui::LayerNodeItem::tierColour(Tier::TiledEdge), d3::ui::LayerNodeItem::tierColour(Tier::Edge));

    // A user move of q keeps the stack (p unchanged); a move of p drops it until the controller plans.
    drag(1, 30, cut(25));
    EXPECT_EQ(panel.node(5)->tier(), Tier::TiledEdge);
    drag(0, 2, cut(3));
    EXPECT_EQ(panel.node(5)->tier(), Tier::Edge);
    EXPECT_EQ(cuts.count(), 2);
}

TEST_F(LayerGraphPanelTest, SelectingALayerShowsItsFigures)
{
    QSignalSpy selected(&panel, &LayerGraphPanel::layerSelected);
    EXPECT_FALSE(panel.details().contains(QStringLiteral("conv1")));
    const int conv1 = graph.indexOf(QStringLiteral("layer1.0.conv1"));
    ASSERT_GE(conv1, 0);
    const QRectF box = panel.layout().box(conv1);
    panel.view()->centerOn(box.center());
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->mapFromScene(box.center()));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toInt(), conv1);
    const QString details = panel.details();
    const QLocale locale;
    const auto &layer = graph.layer(conv1);
    EXPECT_TRUE(details.contains(QStringLiteral("layer1.0.conv1"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("[64, 56, 56]"))) << details.toStdString();
    EXPECT_TRUE(details.contains(locale.toString(double(layer.flops) / 1e6, 'f', 1))) << details.toStdString();
    EXPECT_TRUE(details.contains(locale.formattedDataSize(layer.bytes))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("edge"))) << "layer 4 runs on the edge for p = 4";

    // With costs, the time on each tier (reference ms / speed).
    const auto costs = d3::core::LayerCosts::fromFlops(graph);
    panel.setLayerCosts(costs, {0.1, 0.5, 1.0});
    const QString timed = panel.details();
    for (double speed : {0.1, 0.5, 1.0})
        EXPECT_TRUE(timed.contains(locale.toString(costs.ms.at(conv1) / speed, 'f', 3))) << timed.toStdString();

    panel.selectLayer(0);
    ASSERT_EQ(selected.count(), 2);
    EXPECT_TRUE(panel.details().contains(QStringLiteral("[64, 112, 112]")));
}

TEST_F(LayerGraphPanelTest, WheelZoomsAndFitKeepsTheLabelsReadable)
{
    LayerGraphView *view = panel.view();
    const qreal before = view->zoom();
    QWheelEvent wheel(QPointF(100, 100), QPointF(view->viewport()->mapToGlobal(QPoint(100, 100))), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    EXPECT_GT(view->zoom(), before);
    // Fit folds the rows for the view's width at a readable zoom: resnet18 in this pane (1000 x 400) scrolls
    // vertically, never across.
    panel.fitToView();
    EXPECT_GE(view->zoom() * d3::ui::LayerNodeItem::kLabelPixels, LayerGraphPanel::kReadablePixels - 1e-9);
    EXPECT_LE(view->zoom(), 1.0);
    EXPECT_EQ(view->horizontalScrollBar()->maximum(), view->horizontalScrollBar()->minimum());
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    EXPECT_LE(visible.left(), panel.layout().bounds().left());
    EXPECT_GE(visible.right(), panel.layout().bounds().right());
    EXPECT_GT(panel.layout().rowCount(), 1);
    // The view's own fit never goes below the readable zoom either.
    view->setZoom(0.05);
    view->fitAll();
    EXPECT_GE(view->zoom(), view->readableZoom() - 1e-9);
    // The handles' grips keep their on-screen size.
    EXPECT_NEAR(panel.handle(0)->gripRect().width() * view->zoom(), 18, 0.5);
}

TEST_F(LayerGraphPanelTest, ANewModelClearsTheUndoStack)
{
    drag(0, 4, cut(6));
    EXPECT_EQ(panel.undoStack()->count(), 1);
    panel.setModel(d3::test::TestFiles::builtin(QStringLiteral("googlenet")));
    EXPECT_EQ(panel.undoStack()->count(), 0);
    EXPECT_EQ(panel.layout().layerCount(), 197);
    EXPECT_NE(panel.node(196), nullptr);
    EXPECT_EQ(panel.node(197), nullptr);
}
