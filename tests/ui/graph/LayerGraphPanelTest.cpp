#include "TestFiles.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"
#include "graph/LayerNodeItem.h"
#include "graph/PartitionHandleItem.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using d3::ui::LayerGraphPanel;
using d3::ui::LayerGraphView;
using Tier = d3::ui::LayerNodeItem::Tier;

namespace {

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_graph_view_tests";
    static char *argv[] = {name, nullptr};
    // Never destroyed: QTest's mouse device would outlive it at exit.
    static QApplication *instance = new QApplication(argc, argv);
    return *instance;
}

/// A shown panel on resnet18 with the plan p = 4, q = 20.
class LayerGraphPanelTest : public testing::Test
{
protected:
    static void SetUpTestSuite() { app(); } // before the fixture's panel exists

    void SetUp() override
    {
        graph = d3::test::TestFiles::builtin(QStringLiteral("resnet18"));
        panel.resize(1000, 400);
        panel.setModel(graph);
        panel.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
        panel.view()->setZoom(0.5);
        d3::core::Plan plan;
        plan.p = 4;
        plan.q = 20;
        panel.setPlan(plan);
    }

    /// The viewport point over scene point (cut k's x, mid-height of the graph).
    QPoint atCut(qreal x) const
    {
        const qreal y = panel.layout().bounds().center().y();
        panel.view()->centerOn(x, y);
        return panel.view()->mapFromScene(QPointF(x, y));
    }

    /// Sends a mouse event to the view's viewport.
    void mouse(QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
    {
        QWidget *viewport = panel.view()->viewport();
        QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    }

    /// Drags handle `which` from its cut to the x of cut `to` (plus a little, to exercise snapping); returns the
    /// label shown just before the release.
    QString drag(int which, int from, qreal toX)
    {
        const QPoint start = atCut(panel.layout().cutX(from));
        mouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
        // When p == q the one on top is grabbed; the direction of the drag decides which one moves.
        EXPECT_TRUE(panel.handle(which)->isDragging()
                    || (panel.p() == panel.q() && panel.handle(1 - which)->isDragging()));
        const QPoint end = panel.view()->mapFromScene(QPointF(toX, panel.layout().bounds().center().y()));
        mouse(QEvent::MouseMove, (start + end) / 2, Qt::LeftButton);
        mouse(QEvent::MouseMove, end, Qt::LeftButton);
        const QString label = panel.cutLabel();
        mouse(QEvent::MouseButtonRelease, end, Qt::NoButton);
        return label;
    }

    /// Every layer's tier for cuts (p, q) untiled.
    void expectTiers(int p, int q)
    {
        for (int i = 0; i < graph.layerCount(); ++i) {
            const Tier want = i < p ? Tier::Device : i < q ? Tier::Edge : Tier::Cloud;
            EXPECT_EQ(panel.node(i)->tier(), want) << "layer " << i;
            EXPECT_EQ(panel.node(i)->fillColour(), d3::ui::LayerNodeItem::tierColour(want)) << "layer " << i;
        }
    }

    d3::core::ModelGraph graph;
    LayerGraphPanel panel;
};

} // namespace

TEST_F(LayerGraphPanelTest, DraggingAHandleSnapsAndAsksForTheCuts)
{
    panel.setPredictor([](int p, int q) { return 10.0 * p + q; });
    QSignalSpy cuts(&panel, &LayerGraphPanel::cutsRequested);
    expectTiers(4, 20);

    const QString label = drag(0, 4, panel.layout().cutX(10) + d3::ui::LayerGraphLayout::kColumnPitch * 0.3);
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
    drag(1, 20, panel.layout().cutX(1));
    ASSERT_EQ(cuts.count(), 1);
    EXPECT_EQ(last(), std::make_pair(4, 4));
    expectTiers(4, 4);
    // Both handles on cut 4: a drag to the left moves p ...
    drag(1, 4, panel.layout().cutX(2));
    ASSERT_EQ(cuts.count(), 2);
    EXPECT_EQ(last(), std::make_pair(2, 4));
    // ... p dragged past q stops at q ...
    drag(0, 2, panel.layout().cutX(n) + 500);
    ASSERT_EQ(cuts.count(), 3);
    EXPECT_EQ(last(), std::make_pair(4, 4));
    // ... and a drag to the right moves q.
    drag(0, 4, panel.layout().cutX(n) + 500);
    ASSERT_EQ(cuts.count(), 4);
    EXPECT_EQ(last(), std::make_pair(4, n));
    expectTiers(4, n);
    EXPECT_EQ(panel.undoStack()->count(), 4);
    // A drop that snaps back to where the handle started is no move.
    drag(0, 4, panel.layout().cutX(4) + d3::ui::LayerGraphLayout::kColumnPitch * 0.3);
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
    for (int i = 0; i < graph.layerCount(); ++i) {
        const Tier want = i < 2 ? Tier::Device : i < 12 ? Tier::TiledEdge : i < 30 ? Tier::Edge : Tier::Cloud;
        EXPECT_EQ(panel.node(i)->tier(), want) << i;
    }
    EXPECT_NE(d3::ui::LayerNodeItem::tierColour(Tier::TiledEdge), d3::ui::LayerNodeItem::tierColour(Tier::Edge));

    // A user move of q keeps the stack (p unchanged); a move of p drops it until the controller plans.
    drag(1, 30, panel.layout().cutX(25));
    EXPECT_EQ(panel.node(5)->tier(), Tier::TiledEdge);
    drag(0, 2, panel.layout().cutX(3));
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

TEST_F(LayerGraphPanelTest, WheelZoomsAndFitShowsEverything)
{
    LayerGraphView *view = panel.view();
    const qreal before = view->zoom();
    QWheelEvent wheel(QPointF(100, 100), QPointF(view->viewport()->mapToGlobal(QPoint(100, 100))), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    EXPECT_GT(view->zoom(), before);
    view->fitAll();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    EXPECT_TRUE(visible.adjusted(-1, -1, 1, 1).contains(panel.layout().bounds()));
    EXPECT_LE(view->zoom(), 1.0);
    // The handles keep their on-screen size.
    EXPECT_NEAR(panel.handle(0)->boundingRect().width() * view->zoom(), 18, 0.5);
}

TEST_F(LayerGraphPanelTest, ANewModelClearsTheUndoStack)
{
    drag(0, 4, panel.layout().cutX(6));
    EXPECT_EQ(panel.undoStack()->count(), 1);
    panel.setModel(d3::test::TestFiles::builtin(QStringLiteral("googlenet")));
    EXPECT_EQ(panel.undoStack()->count(), 0);
    EXPECT_EQ(panel.layout().layerCount(), 197);
    EXPECT_NE(panel.node(196), nullptr);
    EXPECT_EQ(panel.node(197), nullptr);
}
