#include "GraphTestSupport.h"
#include "TestFiles.h"
#include "graph/LayerGraphLayout.h"

#include <QElapsedTimer>
#include <QLineF>
#include <QSet>

#include <iostream>

#include <gtest/gtest.h>

using d3::ui::LayerGraphLayout;

namespace {

/// True when the axis-aligned segment a-b runs through the interior of r (touching its border does not count).
bool crossesInterior(const QPointF &a, const QPointF &b, const QRectF &r)
{
    const qreal x0 = std::min(a.x(), b.x()), x1 = std::max(a.x(), b.x());
    const qreal y0 = std::min(a.y(), b.y()), y1 = std::max(a.y(), b.y());
    return x0 < r.right() && x1 > r.left() && y0 < r.bottom() && y1 > r.top();
}

/// A model (GetParam's first) laid out in one row (0) or folded into rows of GetParam's second columns.
class EveryModel : public testing::TestWithParam<std::tuple<std::string, int>>
{
protected:
    void SetUp() override
    {
        graph = d3::test::GraphTestSupport::model(QString::fromStdString(std::get<0>(GetParam())));
        layout = LayerGraphLayout(graph, std::get<1>(GetParam()));
    }

    d3::core::ModelGraph graph;
    LayerGraphLayout layout;
};

/// True when global column g (0 = the input, i + 1 = layer i) starts a row.
bool startsRow(const LayerGraphLayout &layout, int g)
{
    return g % layout.columnsPerRow() == 0;
}

} // namespace

TEST_P(EveryModel, BoxesFollowTheTopologicalOrderAndNeverOverlap)
{
    const int n = graph.layerCount();
    ASSERT_EQ(layout.layerCount(), n);
    ASSERT_GT(n, 0);
    const int rows = (n + layout.columnsPerRow()) / layout.columnsPerRow();
    EXPECT_EQ(layout.rowCount(), rows);
    EXPECT_EQ(layout.row(n - 1), rows - 1);
    EXPECT_LT(layout.inputBox().right(), layout.box(0).left());
    for (int i = 0; i < n; ++i) {
        EXPECT_GE(layout.lane(i), 0);
        EXPECT_LT(layout.lane(i), layout.laneCount());
        EXPECT_TRUE(layout.bounds().contains(layout.box(i))) << i;
        if (i + 1 < n && !startsRow(layout, i + 2)) {
            EXPECT_LT(layout.box(i).right(), layout.box(i + 1).left()) << "x order = topological order at " << i;
        } else if (i + 1 < n) { // the next row starts again at the left, below every box of this one
            EXPECT_EQ(layout.row(i + 1), layout.row(i) + 1);
            EXPECT_EQ(layout.box(i + 1).left(), layout.inputBox().left()) << i;
            for (int j = 0; j <= i; ++j)
                ASSERT_LT(layout.box(j).bottom(), layout.box(i + 1).top()) << j << " above " << i + 1;
        }
        for (int j = i + 1; j < n; ++j)
            ASSERT_FALSE(layout.box(i).intersects(layout.box(j))) << graph.layer(i).name.toStdString() << " / "
                                                                   << graph.layer(j).name.toStdString();
    }
}

TEST_P(EveryModel, CutsLieBetweenColumnsAndSnapToTheNearest)
{
    const int n = graph.layerCount();
    const QPointF pitch(LayerGraphLayout::kColumnPitch, 0);
    for (int k = 0; k <= n; ++k) {
        const QLineF bar = layout.cutLine(k);
        const QRectF before = k == 0 ? layout.inputBox() : layout.box(k - 1); // the cut's row is its left column's
        EXPECT_EQ(bar.x1(), layout.cutX(k));
        EXPECT_GT(bar.x1(), before.right()) << k;
        EXPECT_LT(bar.y1(), before.top()) << k;
        EXPECT_GT(bar.y2(), before.bottom()) << k;
        const bool rowEnd = startsRow(layout, k + 1); // drawn at the end of its row, the next layer starts a row
        if (k < n && !rowEnd) {
            EXPECT_LT(bar.x1(), layout.box(k).left()) << k;
        }
        const QPointF at = bar.center();
        EXPECT_EQ(layout.nearestCut(at), k);
        EXPECT_EQ(layout.nearestCut(at + pitch * 0.45), k);
        EXPECT_EQ(layout.nearestCut(at - pitch * 0.45), k);
        EXPECT_EQ(layout.nearestCut(at + pitch * 0.55), rowEnd ? k : std::min(k + 1, n));
        if (k < n && rowEnd) { // left of the next row's first layer: this cut too
            EXPECT_EQ(layout.nearestCut(QPointF(layout.box(k).left() - 30, layout.box(k).center().y())), k);
        }
    }
    EXPECT_EQ(layout.nearestCut(QPointF(-1e6, -1e6)), 0);
    EXPECT_EQ(layout.nearestCut(QPointF(1e9, 1e9)), n);
}

TEST_P(EveryModel, EdgesJoinProducerToConsumerWithoutCrossingABox)
{
    const int n = graph.layerCount();
    int expected = 0;
    for (int t = 0; t < graph.tensorCount(); ++t)
        expected += graph.consumers(t).size();
    ASSERT_EQ(layout.edges().size(), expected);
    for (const LayerGraphLayout::Edge &e : layout.edges()) {
        const QRectF from = e.tensor == 0 ? layout.inputBox() : layout.box(e.tensor - 1);
        const QRectF to = layout.box(e.to);
        const int fromRow = e.tensor == 0 ? 0 : layout.row(e.tensor - 1);
        ASSERT_EQ(e.pieces.size(), layout.row(e.to) - fromRow + 1) << "one piece per row";
        EXPECT_TRUE(graph.layer(e.to).inputs.contains(e.tensor));
        EXPECT_EQ(e.pieces.first().first(), QPointF(from.right(), from.center().y()));
        EXPECT_EQ(e.pieces.last().last(), QPointF(to.left(), to.center().y()));
        for (const QPolygonF &piece : e.pieces) {
            ASSERT_GE(piece.size(), 2);
            for (int s = 1; s < piece.size(); ++s) {
                const QPointF a = piece[s - 1], b = piece[s];
                EXPECT_TRUE(a.x() == b.x() || a.y() == b.y()) << "segments are horizontal or vertical";
                EXPECT_LE(a.x(), b.x()) << "edges run left to right";
                for (int i = 0; i < n; ++i)
                    ASSERT_FALSE(crossesInterior(a, b, layout.box(i)))
                        << "edge of tensor " << e.tensor << " to " << graph.layer(e.to).name.toStdString()
                        << " crosses " << graph.layer(i).name.toStdString();
            }
        }
    }
}

TEST_P(EveryModel, BlocksFrameTheirLayersAndNothingElse)
{
    const auto &blocks = layout.blocks();
    for (int b = 0; b < blocks.size(); ++b) {
        const auto &block = blocks[b];
        ASSERT_LE(block.first, block.last);
        ASSERT_EQ(block.rects.size(), layout.row(block.last) - layout.row(block.first) + 1) << "a frame per row";
        EXPECT_TRUE(layout.bounds().contains(block.rects.first()));
        if (b > 0) {
            EXPECT_GT(block.first, blocks[b - 1].last);
            for (const QRectF &r : block.rects)
                for (const QRectF &before : blocks[b - 1].rects)
                    EXPECT_FALSE(r.intersects(before));
        }
        for (int i = 0; i < layout.layerCount(); ++i) {
            const bool inside = i >= block.first && i <= block.last;
            int frames = 0;
            for (const QRectF &r : block.rects)
                frames += r.contains(layout.box(i)) ? 1 : 0;
            EXPECT_EQ(frames, inside ? 1 : 0) << block.name.toStdString() << " / " << i;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(LayerGraphLayout, EveryModel,
                         testing::Combine(testing::ValuesIn(d3::test::GraphTestSupport::modelNames()),
                                          testing::Values(0, 9)));

TEST(LayerGraphLayout, InceptionBranchesRunInSeparateLanesOfOneBlock)
{
    const auto graph = d3::test::TestFiles::builtin(QStringLiteral("googlenet"));
    const LayerGraphLayout layout(graph);
    int inceptions = 0;
    for (const auto &block : layout.blocks()) {
        if (!block.name.startsWith(QLatin1String("inception")))
            continue;
        ++inceptions;
        QSet<int> branchLanes;
        for (int i = block.first; i <= block.last; ++i) {
            const QString &name = graph.layer(i).name;
            EXPECT_TRUE(name.startsWith(block.name + QLatin1Char('.'))) << name.toStdString();
            if (name.contains(QLatin1String(".branch")))
                branchLanes.insert(layout.lane(i));
        }
        EXPECT_GE(branchLanes.size(), 3) << block.name.toStdString();
        EXPECT_EQ(block.lanes, branchLanes.size()) << block.name.toStdString();
        // Each branch keeps one lane throughout.
        for (int b = 1; b <= 4; ++b) {
            QSet<int> lanes;
            const QString prefix = QStringLiteral("%1.branch%2.").arg(block.name).arg(b);
            for (int i = block.first; i <= block.last; ++i)
                if (graph.layer(i).name.startsWith(prefix))
                    lanes.insert(layout.lane(i));
            EXPECT_EQ(lanes.size(), 1) << prefix.toStdString();
        }
    }
    EXPECT_EQ(inceptions, 9); // 3a, 3b, 4a-4e, 5a, 5b
}

TEST(LayerGraphLayout, ResidualDownsampleLeavesTheMainPath)
{
    const auto graph = d3::test::TestFiles::builtin(QStringLiteral("resnet18"));
    const LayerGraphLayout layout(graph);
    auto lane = [&](const char *name) {
        const int i = graph.indexOf(QLatin1String(name));
        EXPECT_GE(i, 0) << name;
        return i < 0 ? -1 : layout.lane(i);
    };
    for (const char *stage : {"layer2.0", "layer3.0", "layer4.0"}) {
        const QString s = QLatin1String(stage);
        const int main = lane(qPrintable(s + QLatin1String(".conv1")));
        EXPECT_EQ(lane(qPrintable(s + QLatin1String(".bn2"))), main);
        EXPECT_NE(lane(qPrintable(s + QLatin1String(".downsample.0"))), main) << stage;
        EXPECT_EQ(lane(qPrintable(s + QLatin1String(".downsample.0"))),
                  lane(qPrintable(s + QLatin1String(".downsample.1"))));
        EXPECT_EQ(lane(qPrintable(s + QLatin1String(".add"))), main) << "the join returns to the main path";
    }
    // Every residual block (8 of them) is framed and named after its layers.
    QStringList names;
    for (const auto &block : layout.blocks())
        names << block.name;
    EXPECT_EQ(names, QStringList({"layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer3.0", "layer3.1", "layer4.0",
                                  "layer4.1"}));
    // The identity shortcut runs in a lane of its own, beside the block's boxes.
    const int add = graph.indexOf(QStringLiteral("layer1.0.add"));
    EXPECT_EQ(layout.laneCount(), 2) << "the main path and the shortcuts' lane";
    const int maxpool = graph.indexOf(QStringLiteral("maxpool"));
    bool found = false;
    for (const auto &e : layout.edges()) {
        if (e.to == add && e.tensor == maxpool + 1) {
            found = true;
            EXPECT_NE(e.lane, layout.lane(add));
        }
    }
    EXPECT_TRUE(found);
}

TEST(LayerGraphLayout, ChainsStayInOneLane)
{
    for (const char *model : {"alexnet", "vgg16", "tiny_yolov2"}) {
        const auto graph = d3::test::TestFiles::builtin(QLatin1String(model));
        const LayerGraphLayout layout(graph);
        EXPECT_EQ(layout.laneCount(), 1) << model;
        EXPECT_TRUE(layout.blocks().isEmpty()) << model;
    }
    const LayerGraphLayout empty;
    EXPECT_EQ(empty.layerCount(), 0);
    EXPECT_EQ(empty.nearestCut(QPointF(100, 0)), 0);
}

TEST(LayerGraphLayout, DenseConnectionsShareOneBypassLane)
{
    const auto graph = d3::test::GraphTestSupport::model(QStringLiteral("densenet121"));
    ASSERT_EQ(graph.layerCount(), 427);
    QElapsedTimer timer;
    timer.start();
    const LayerGraphLayout layout(graph);
    const LayerGraphLayout folded = layout.folded(14);
    std::cout << "densenet121: laid out in " << timer.nsecsElapsed() / 1e6 << " ms (lanes, one row and 14 columns)"
              << std::endl;
    // Every layer on the main path; each dense connection (a feature map to every later concat of its block)
    // rides the one bypass lane below it instead of a lane of its own.
    EXPECT_EQ(layout.laneCount(), 2);
    QStringList names;
    for (const auto &block : layout.blocks())
        names << block.name;
    EXPECT_EQ(names, QStringList({"features.denseblock1", "features.denseblock2", "features.denseblock3",
                                  "features.denseblock4"}));
    EXPECT_EQ(folded.rowCount(), (427 + 14) / 14);
    EXPECT_EQ(folded.laneCount(), 2);
}

TEST(LayerGraphLayout, FoldingWrapsColumnsIntoRowsLikeText)
{
    const auto graph = d3::test::TestFiles::builtin(QStringLiteral("resnet18"));
    const LayerGraphLayout one(graph);
    EXPECT_EQ(one.rowCount(), 1);
    EXPECT_EQ(one.columnsPerRow(), 70);
    const LayerGraphLayout layout = one.folded(10);
    ASSERT_EQ(layout.columnsPerRow(), 10);
    ASSERT_EQ(layout.rowCount(), 7); // the input and 69 layers
    EXPECT_EQ(layout.row(8), 0);
    EXPECT_EQ(layout.row(9), 1);
    // Cut 9 (between layers 8 and 9) falls on the row break: at the end of row 0, right of layer 8.
    const QLineF bar = layout.cutLine(9);
    EXPECT_GT(bar.x1(), layout.box(8).right());
    EXPECT_LT(bar.x1(), layout.box(8).right() + LayerGraphLayout::kColumnGap);
    EXPECT_LT(bar.y2(), layout.box(9).top());
    EXPECT_EQ(layout.box(9).left(), layout.inputBox().left());
    // Lanes stay; every row is no wider than its columns.
    for (int i = 0; i < graph.layerCount(); ++i)
        EXPECT_EQ(layout.lane(i), one.lane(i));
    EXPECT_LE(layout.bounds().width(), 10 * LayerGraphLayout::kColumnPitch);
    EXPECT_EQ(LayerGraphLayout::columnsForWidth(10 * LayerGraphLayout::kColumnPitch + 1), 10);
    // An edge across a row break leaves on the right and comes back on the left in its lane.
    for (const auto &e : layout.edges()) {
        if (e.pieces.size() < 2)
            continue;
        EXPECT_EQ(e.pieces.first().last().x(), layout.cutX(9));
        EXPECT_LT(e.pieces.last().first().x(), layout.inputBox().left());
    }
}
