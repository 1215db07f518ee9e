#pragma once

#include "GraphTestSupport.h"
#include "TestFiles.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"
#include "graph/LayerNodeItem.h"
#include "graph/PartitionHandleItem.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTest>

#include <gtest/gtest.h>

namespace d3::test {

using d3::ui::LayerGraphPanel;
using Tier = d3::ui::LayerNodeItem::Tier;

/// A shown panel on resnet18 (1000 x 400, zoom 0.5) with the plan p = 4, q = 20, and mouse drags of its handles.
class LayerGraphPanelFixture : public testing::Test
{
protected:
    static void SetUpTestSuite() { d3::test::GraphTestSupport::app(); } // before the fixture's panel exists

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

    /// The middle of cut k's bar.
    QPointF cut(int k) const { return panel.layout().cutLine(k).center(); }

    /// The viewport point over the middle of cut k's bar, scrolled into the view.
    QPoint atCut(int k) const
    {
        panel.view()->centerOn(cut(k));
        return panel.view()->mapFromScene(cut(k));
    }

    /// Sends a mouse event to the view's viewport.
    void mouse(QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
    {
        QWidget *viewport = panel.view()->viewport();
        QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    }

    /// Drags handle `which` from its cut to scene point `to` (a cut plus a little, to exercise snapping); returns
    /// the label shown just before the release (and where it was, in viewport pixels, in labelRect).
    QString drag(int which, int from, const QPointF &to)
    {
        const QPoint start = atCut(from);
        mouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
        // When p == q the one on top is grabbed; the direction of the drag decides which one moves.
        EXPECT_TRUE(panel.handle(which)->isDragging()
                    || (panel.p() == panel.q() && panel.handle(1 - which)->isDragging()));
        const QPoint end = panel.view()->mapFromScene(to);
        mouse(QEvent::MouseMove, (start + end) / 2, Qt::LeftButton);
        mouse(QEvent::MouseMove, end, Qt::LeftButton);
        const QString label = panel.cutLabel();
        labelRect = panel.cutLabelRect();
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
    QRect labelRect;
};

} // namespace d3::test
