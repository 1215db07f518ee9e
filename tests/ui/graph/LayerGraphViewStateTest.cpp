#include "LayerGraphPanelFixture.h"

#include <QByteArray>

#include <gtest/gtest.h>

using d3::ui::LayerGraphPanel;

namespace {

/// The resnet18 panel zoomed in and scrolled to its middle.
class LayerGraphViewStateTest : public d3::test::LayerGraphPanelFixture
{
protected:
    void SetUp() override
    {
        LayerGraphPanelFixture::SetUp();
        panel.view()->setZoom(1.3);
        panel.view()->centerOn(panel.layout().box(40).center() + QPointF(7, 3));
        zoom = panel.view()->zoom();
        centre = panel.view()->centre();
    }

    /// The zoom and the centre are where SetUp() put them.
    void expectUnmoved(const char *after)
    {
        EXPECT_DOUBLE_EQ(panel.view()->zoom(), zoom) << after;
        EXPECT_NEAR(panel.view()->centre().x(), centre.x(), 1.0) << after;
        EXPECT_NEAR(panel.view()->centre().y(), centre.y(), 1.0) << after;
    }

    qreal zoom = 0;
    QPointF centre;
};

} // namespace

TEST_F(LayerGraphViewStateTest, DropsAndPlansKeepTheZoomAndCentre)
{
    const QPoint start = panel.view()->mapFromScene(cut(38));
    d3::core::Plan plan;
    plan.p = 4;
    plan.q = 38;
    panel.setPlan(plan);
    expectUnmoved("setPlan");
    mouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
    ASSERT_TRUE(panel.handle(1)->isDragging());
    const QPoint end = panel.view()->mapFromScene(cut(41));
    mouse(QEvent::MouseMove, end, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, end, Qt::NoButton);
    EXPECT_EQ(panel.q(), 41);
    expectUnmoved("a drop");
    panel.undoStack()->undo();
    expectUnmoved("undo");
    panel.setModel(graph); // the same model again (a window that re-shows its session)
    expectUnmoved("the same model again");
}

TEST_F(LayerGraphViewStateTest, TheSavedViewReturnsInANewPanel)
{
    const QByteArray saved = panel.saveViewState();
    ASSERT_FALSE(saved.isEmpty());
    // As a window rebuilt for another language does: a new panel, the state restored before it is shown.
    LayerGraphPanel again;
    again.resize(panel.size());
    EXPECT_TRUE(again.restoreViewState(saved));
    again.setModel(graph);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    EXPECT_DOUBLE_EQ(again.view()->zoom(), zoom);
    EXPECT_NEAR(again.view()->centre().x(), centre.x(), 1.0);
    EXPECT_NEAR(again.view()->centre().y(), centre.y(), 1.0);
    // ... and restored into a shown panel.
    panel.fitToView();
    EXPECT_TRUE(panel.restoreViewState(saved));
    expectUnmoved("restored");
    EXPECT_FALSE(panel.restoreViewState(QByteArray("not a view state")));
    expectUnmoved("a bad state");
}

TEST_F(LayerGraphViewStateTest, TheCutLabelStaysInsideTheViewport)
{
    panel.setPredictor([](int p, int q) { return 10.0 * p + q; });
    const int n = graph.layerCount();
    const QRect viewport = panel.view()->viewport()->rect();
    for (qreal z : {0.5, 1.0, 2.0}) {
        panel.view()->setZoom(z);
        for (int k : {0, n / 2, n}) {
            d3::core::Plan plan;
            plan.p = 0;
            plan.q = k == 0 ? n / 2 : 0;
            panel.setPlan(plan);
            const QString label = drag(1, plan.q, cut(k));
            EXPECT_TRUE(label.startsWith(QStringLiteral("cut %1: ").arg(k))) << label.toStdString();
            EXPECT_TRUE(viewport.contains(labelRect)) << "zoom " << z << ", cut " << k << ": " << labelRect.x() << ","
                                                      << labelRect.y() << " " << labelRect.width() << "x"
                                                      << labelRect.height();
            EXPECT_EQ(panel.q(), k);
        }
    }
}
