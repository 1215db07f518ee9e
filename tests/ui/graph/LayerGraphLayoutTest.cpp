#include "TestFiles.h"
#include "graph/LayerGraphLayout.h"

#include <QLineF>
#include <QSet>

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

class EveryModel : public testing::TestWithParam<std::string>
{
};

} // namespace

TEST_P(EveryModel, BoxesFollowTheTopologicalOrderAndNeverOverlap)
{
    const auto graph = d3::test::TestFiles::builtin(QString::fromStdString(GetParam()));
    const LayerGraphLayout layout(graph);
    const int n = graph.layerCount();
    ASSERT_EQ(layout.layerCount(), n);
    ASSERT_GT(n, 0);
    EXPECT_LT(layout.inputBox().right(), layout.box(0).left());
    for (int i = 0; i < n; ++i) {
        EXPECT_GE(layout.lane(i), 0);
        EXPECT_LT(layout.lane(i), layout.laneCount());
        EXPECT_TRUE(layout.bounds().contains(layout.box(i))) << i;
        if (i + 1 < n) {
            EXPECT_LT(layout.box(i).right(), layout.box(i + 1).left()) << "x order = topological order at " << i;
        }
        for (int j = i + 1; j < n; ++j)
            ASSERT_FALSE(layout.box(i).intersects(layout.box(j))) << graph.layer(i).name.toStdString() << " / "
                                                                   << graph.layer(j).name.toStdString();
    }
}

TEST_P(EveryModel, CutsLieBetweenColumnsAndSnapToTheNearest)
{
    const auto graph = d3::test::TestFiles::builtin(QString::fromStdString(GetParam()));
    const LayerGraphLayout layout(graph);
    const int n = graph.layerCount();
    for (int k = 0; k <= n; ++k) {
        const qreal x = layout.cutX(k);
        EXPECT_GT(x, k == 0 ? layout.inputBox().right() : layout.box(k - 1).right()) << k;
        if (k < n) {
            EXPECT_LT(x, layout.box(k).left()) << k;
        }
        EXPECT_EQ(layout.nearestCut(x), k);
        EXPECT_EQ(layout.nearestCut(x + LayerGraphLayout::kColumnPitch * 0.45), k);
        EXPECT_EQ(layout.nearestCut(x - LayerGraphLayout::kColumnPitch * 0.45), k);
        EXPECT_EQ(layout.nearestCut(x + LayerGraphLayout::kColumnPitch * 0.55), std::min(k + 1, n));
    }
    EXPECT_EQ(layout.nearestCut(-1e6), 0);
    EXPECT_EQ(layout.nearestCut(1e9), n);
}

TEST_P(EveryModel, EdgesJoinProducerToConsumerWithoutCrossingABox)
{
    const auto graph = d3::test::TestFiles::builtin(QString::fromStdString(GetParam()));
    const LayerGraphLayout layout(graph);
    const int n = graph.layerCount();
    int expected = 0;
    for (int t = 0; t < graph.tensorCount(); ++t)
        expected += graph.consumers(t).size();
    ASSERT_EQ(layout.edges().size(), expected);
    for (const LayerGraphLayout::Edge &e : layout.edges()) {
        ASSERT_GE(e.route.size(), 2);
        const QRectF from = e.tensor == 0 ? layout.inputBox() : layout.box(e.tensor - 1);
        const QRectF to = layout.box(e.to);
        EXPECT_TRUE(graph.layer(e.to).inputs.contains(e.tensor));
        EXPECT_EQ(e.route.first(), QPointF(from.right(), from.center().y()));
        EXPECT_EQ(e.route.last(), QPointF(to.left(), to.center().y()));
        for (int s = 1; s < e.route.size(); ++s) {
            const QPointF a = e.route[s - 1], b = e.route[s];
            EXPECT_TRUE(a.x() == b.x() || a.y() == b.y()) << "segments are horizontal or vertical";
            EXPECT_LE(a.x(), b.x()) << "edges run left to right";
            for (int i = 0; i < n; ++i)
                ASSERT_FALSE(crossesInterior(a, b, layout.box(i)))
                    << "edge of tensor " << e.tensor << " to " << graph.layer(e.to).name.toStdString()
                    << " crosses " << graph.layer(i).name.toStdString();
        }
    }
}

TEST_P(EveryModel, BlocksFrameTheirLayersAndNothingElse)
{
    const auto graph = d3::test::TestFiles::builtin(QString::fromStdString(GetParam()));
    const LayerGraphLayout layout(graph);
    const auto &blocks = layout.blocks();
    for (int b = 0; b < blocks.size(); ++b) {
        const auto &block = blocks[b];
        ASSERT_LE(block.first, block.last);
        if (b > 0) {
            EXPECT_GT(block.first, blocks[b - 1].last);
            EXPECT_FALSE(block.rect.intersects(blocks[b - 1].rect));
        }
        for (int i = 0; i < layout.layerCount(); ++i) {
            const bool inside = i >= block.first && i <= block.last;
            EXPECT_EQ(block.rect.contains(layout.box(i)), inside) << block.name.toStdString() << " / " << i;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(LayerGraphLayout, EveryModel, testing::ValuesIn(d3::test::TestFiles::builtinModelNames()));

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
    EXPECT_EQ(empty.nearestCut(100), 0);
}
