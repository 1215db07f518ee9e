#include "tiles/NodePalette.h"
#include "tiles/TileGridPanel.h"
#include "tiles/TileGridView.h"

#include "TestFiles.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_tiles_tests";
    static char *argv[] = {name, nullptr};
    // Never destroyed: QTest's input devices are children of the application and outlive a static one.
    static auto *instance = new QApplication(argc, argv);
    return *instance;
}

const QStringList kTileNodes{QStringLiteral("edge1"), QStringLiteral("edge2"), QStringLiteral("edge3"),
                             QStringLiteral("edge1")};

/// vgg16 with the edge range [2, 10) and its stack [2, 7) (features.2 to 6: 3x3 convolution, relu, 2x2 max
/// pooling, 3x3 convolution, relu; 224 x 224 in, 112 x 112 out) as 2 x 2 tiles on edge1, edge2, edge3, edge1.
class TileGridPanelTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        app();
        s_graph = new core::ModelGraph(test::TestFiles::builtin(QStringLiteral("vgg16")));
    }
    static void TearDownTestSuite() { delete s_graph; }

    static core::Plan tiledPlan(int rows = 2, int cols = 2)
    {
        core::Plan plan;
        plan.p = 2;
        plan.q = 10;
        plan.stackEnd = 7;
        plan.rows = rows;
        plan.cols = cols;
        plan.tileNodes = {0, 1, 2, 0};
        plan.edgeNode = 0;
        return plan;
    }

    /// The panel shown at a fixed size with the tiled plan.
    void showTiled(TileGridPanel *panel)
    {
        panel->resize(480, 520);
        panel->setModel(*s_graph);
        panel->setPlan(tiledPlan(), kTileNodes, QStringLiteral("edge1"));
        panel->show();
        QCoreApplication::processEvents();
    }

    static core::ModelGraph *s_graph;
};

core::ModelGraph *TileGridPanelTest::s_graph = nullptr;

TEST_F(TileGridPanelTest, TwoByTwoPlanDrawsFourTilesRowMajorInTheirNodesColours)
{
    ASSERT_EQ(s_graph->layer(2).name, QStringLiteral("features.2"));
    TileGridPanel panel;
    showTiled(&panel);
    TileGridView *view = panel.view();
    ASSERT_EQ(view->cellCount(), 4);
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(view->cell(i).node, kTileNodes.at(i)) << i;

    // Row-major quadrants of a square map (112 x 112): edges meet, nothing overlaps, all four the same size.
    const QRectF r0 = view->tileRect(0), r1 = view->tileRect(1), r2 = view->tileRect(2), r3 = view->tileRect(3);
    EXPECT_GT(r0.width(), 150);
    EXPECT_DOUBLE_EQ(r0.width(), r0.height());
    EXPECT_DOUBLE_EQ(r0.right(), r1.left());
    EXPECT_DOUBLE_EQ(r0.bottom(), r2.top());
    EXPECT_DOUBLE_EQ(r1.bottom(), r3.top());
    EXPECT_DOUBLE_EQ(r2.right(), r3.left());
    EXPECT_DOUBLE_EQ(r0.top(), r1.top());
    EXPECT_FALSE(r0.intersects(r3));
    EXPECT_EQ(r0.size(), r3.size());
    EXPECT_TRUE(view->rect().contains(r0.united(r3).toRect()));

    // One colour per node: tiles 0 and 3 (edge1) alike, the others different; the pixels are painted so.
    EXPECT_EQ(view->cell(0).colour, view->cell(3).colour);
    EXPECT_NE(view->cell(0).colour, view->cell(1).colour);
    EXPECT_NE(view->cell(1).colour, view->cell(2).colour);
    const QImage image = view->grab().toImage();
    for (int i = 0; i < 4; ++i) {
        const QPoint corner = (view->tileRect(i).topLeft() + QPointF(6, 6)).toPoint();
        EXPECT_EQ(image.pixelColor(corner).rgb(), view->cell(i).colour.rgb()) << i;
    }

    // The header: the stack, the grid, 3 distinct nodes and the geometry's redundant FLOPs.
    QString why;
    core::FusedStack stack;
    for (const core::FusedStack &s : core::StackFinder::candidates(*s_graph, 2, 10))
        if (s.end == 7)
            stack = s;
    ASSERT_EQ(stack.end, 7);
    const auto geometry = core::TileGeometry::build(*s_graph, stack, 2, 2, &why);
    ASSERT_TRUE(geometry) << why.toStdString();
    EXPECT_GT(geometry->redundantFlopsRatio(), 0);
    EXPECT_EQ(panel.headerText(), QStringLiteral("stack [2, 7) · 2 x 2 · 3 node(s) · redundant FLOPs %1%")
                                      .arg(100 * geometry->redundantFlopsRatio(), 0, 'f', 1));
    EXPECT_EQ(panel.rowsBox()->value(), 2);
    EXPECT_EQ(panel.colsBox()->value(), 2);
}

TEST_F(TileGridPanelTest, HaloOutlinesShowTheStackInputEachTileReadsOnTheOutputMap)
{
    TileGridPanel panel;
    showTiled(&panel);
    TileGridView *view = panel.view();
    ASSERT_EQ(view->cellCount(), 4);
    // Tile (0, 0) is output rows [0, 56): features.5 reads pooled rows [0, 57), the pool rows [0, 114) of
    // features.2's output, which reads input rows [0, 115) of 224: 57.5 rows of the 112-row map. The border clips.
    EXPECT_EQ(view->cell(0).share, QRectF(0, 0, 56, 56));
    EXPECT_EQ(view->cell(0).reads, QRectF(0, 0, 57.5, 57.5));
    EXPECT_EQ(view->cell(1).reads, QRectF(54.5, 0, 57.5, 57.5));
    EXPECT_EQ(view->cell(3).reads, QRectF(54.5, 54.5, 57.5, 57.5));
    for (int i = 0; i < 4; ++i) {
        const QRectF tile = view->tileRect(i);
        const QRectF halo = view->haloRect(i);
        EXPECT_TRUE(halo.contains(tile)) << i;
        EXPECT_GT(halo.width() * halo.height(), tile.width() * tile.height()) << i;
    }
    EXPECT_FALSE(view->haloShown());
    panel.haloBox()->setChecked(true);
    EXPECT_TRUE(view->haloShown());
    // The overlay is painted: tile 0's dashed outline crosses into tile 1 just right of their border.
    const QImage image = view->grab().toImage();
    const QRectF halo0 = view->haloRect(0);
    bool outlined = false;
    for (int y = int(halo0.top()) + 2; y < int(halo0.center().y()); ++y)
        outlined = outlined || image.pixelColor(int(halo0.right()) - 1, y) != view->cell(1).colour;
    EXPECT_TRUE(outlined);
}

TEST_F(TileGridPanelTest, TileTimesAreShownAndAListOfAnotherSizeIsIgnored)
{
    TileGridPanel panel;
    showTiled(&panel);
    EXPECT_EQ(panel.view()->label(1), QStringLiteral("edge2"));
    panel.setTileTimes({1.5, 2.25, 12.04, 3});
    EXPECT_EQ(panel.view()->label(0), QStringLiteral("edge1\n1.50 ms"));
    EXPECT_EQ(panel.view()->label(1), QStringLiteral("edge2\n2.25 ms"));
    EXPECT_EQ(panel.view()->label(2), QStringLiteral("edge3\n12.0 ms"));
    panel.setTileTimes({9, 9});
    EXPECT_EQ(panel.view()->label(1), QStringLiteral("edge2\n2.25 ms"));
    // The same placement again keeps the times; another grid starts without.
    panel.setPlan(tiledPlan(), kTileNodes, QStringLiteral("edge1"));
    EXPECT_EQ(panel.view()->label(3), QStringLiteral("edge1\n3.00 ms"));
    core::Plan rows = tiledPlan(4, 1);
    panel.setPlan(rows, kTileNodes, QStringLiteral("edge1"));
    ASSERT_EQ(panel.view()->cellCount(), 4);
    EXPECT_EQ(panel.view()->label(3), QStringLiteral("edge1"));
    EXPECT_EQ(panel.view()->cell(3).share, QRectF(0, 84, 112, 28));
    EXPECT_EQ(panel.rowsBox()->value(), 4);
    EXPECT_EQ(panel.colsBox()->value(), 1);
}

TEST_F(TileGridPanelTest, UntiledAndUnfittingPlansSayWhyInsteadOfAGrid)
{
    TileGridPanel panel;
    EXPECT_EQ(panel.headerText(), QStringLiteral("no plan yet"));
    core::Plan plan = tiledPlan();
    panel.setPlan(plan, kTileNodes, QStringLiteral("edge1")); // before the model
    EXPECT_TRUE(panel.headerText().contains(QStringLiteral("waiting for the model")));
    panel.setModel(*s_graph);
    EXPECT_EQ(panel.view()->cellCount(), 4);

    plan.stackEnd = -1;
    plan.tileNodes.clear();
    plan.edgeNode = 1;
    panel.setPlan(plan, {}, QStringLiteral("edge2"));
    EXPECT_EQ(panel.headerText(), QStringLiteral("untiled: the edge range runs on edge2"));
    EXPECT_EQ(panel.view()->cellCount(), 0);
    EXPECT_EQ(panel.view()->message(), panel.headerText());

    plan = tiledPlan();
    plan.stackEnd = 12; // past q = 10: no such stack
    panel.setPlan(plan, kTileNodes, QStringLiteral("edge1"));
    EXPECT_TRUE(panel.headerText().startsWith(QStringLiteral("the plan's tiles do not fit vgg16"))) << panel.headerText().toStdString();
    EXPECT_EQ(panel.view()->cellCount(), 0);
}

TEST_F(TileGridPanelTest, TheChooserAsksForTheGridPickedOrThePlanners)
{
    TileGridPanel panel;
    showTiled(&panel);
    QSignalSpy grid(&panel, &TileGridPanel::gridRequested);
    QSignalSpy planner(&panel, &TileGridPanel::plannerGridRequested);
    panel.rowsBox()->setValue(3);
    panel.colsBox()->setValue(9); // clamped to the chooser's 4
    EXPECT_EQ(grid.count(), 0);
    QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
    ASSERT_EQ(grid.count(), 1);
    EXPECT_EQ(grid.at(0).at(0).toInt(), 3);
    EXPECT_EQ(grid.at(0).at(1).toInt(), TileGridPanel::kMaxChooser);
    EXPECT_EQ(planner.count(), 0);
    QTest::mouseClick(panel.plannerButton(), Qt::LeftButton);
    EXPECT_EQ(planner.count(), 1);
    EXPECT_EQ(grid.count(), 1);
}

// The lab's eight edge nodes under a 4 x 4 grid: 16 tiles, two per node, eight colours (each node's two tiles
// alike), every label (node and time) inside its tile at the size of a console's dock.
TEST_F(TileGridPanelTest, FourByFourOverEightNodesShowsEightColoursAndEveryLabel)
{
    core::Plan plan = tiledPlan(4, 4);
    QStringList names;
    plan.tileNodes.clear();
    for (int t = 0; t < 16; ++t) {
        plan.tileNodes << t % 8;
        names << QStringLiteral("edge%1").arg(t % 8 + 1);
    }
    TileGridPanel panel;
    panel.resize(360, 400);
    panel.setModel(*s_graph);
    panel.setPlan(plan, names, QStringLiteral("edge1"));
    panel.setTileTimes(QVector<double>(16, 12.75));
    panel.show();
    QCoreApplication::processEvents();
    TileGridView *view = panel.view();
    ASSERT_EQ(view->cellCount(), 16);
    QSet<QRgb> colours;
    const QImage image = view->grab().toImage();
    for (int t = 0; t < 16; ++t) {
        SCOPED_TRACE(t);
        EXPECT_EQ(view->cell(t).node, names.at(t));
        EXPECT_EQ(view->cell(t).colour, view->cell((t + 8) % 16).colour); // the node's other tile
        colours.insert(view->cell(t).colour.rgb());
        const QRectF r = view->tileRect(t);
        EXPECT_EQ(image.pixelColor((r.topLeft() + QPointF(3, 3)).toPoint()).rgb(), view->cell(t).colour.rgb());
        const QRect text = view->fontMetrics().boundingRect(r.toRect(), Qt::AlignCenter | Qt::TextWordWrap,
                                                            view->label(t));
        EXPECT_TRUE(r.toRect().contains(text)) << "the label overflows its tile";
        for (int u = 0; u < t; ++u)
            EXPECT_FALSE(r.intersects(view->tileRect(u).adjusted(0.5, 0.5, -0.5, -0.5))) << u;
    }
    EXPECT_EQ(colours.size(), 8);
    EXPECT_TRUE(panel.headerText().contains(QStringLiteral("4 x 4 · 8 node(s)"))) << panel.headerText().toStdString();
    EXPECT_EQ(panel.rowsBox()->value(), 4);
    EXPECT_EQ(panel.colsBox()->value(), 4);
}

TEST(NodePaletteTest, ColoursFollowTheSortedNamesAndStayWhenLaterNamesArrive)
{
    NodePalette palette;
    palette.add({QStringLiteral("edge2"), QStringLiteral("edge1")});
    EXPECT_EQ(palette.colour(QStringLiteral("edge1")), NodePalette::colours().at(0));
    EXPECT_EQ(palette.colour(QStringLiteral("edge2")), NodePalette::colours().at(1));
    palette.add({QStringLiteral("edge3"), QStringLiteral("edge1")});
    EXPECT_EQ(palette.colour(QStringLiteral("edge1")), NodePalette::colours().at(0));
    EXPECT_EQ(palette.colour(QStringLiteral("edge2")), NodePalette::colours().at(1));
    EXPECT_EQ(palette.colour(QStringLiteral("edge3")), NodePalette::colours().at(2));
}

} // namespace
} // namespace d3::ui
