#include "NaiveRunner.h"
#include "TestFiles.h"
#include "TinyModels.h"

#include "graph/ModelCatalog.h"
#include "tiling/RegionCopy.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QSet>

#include <gtest/gtest.h>

#include <limits>

using d3::core::FusedStack;
using d3::core::HostTensor;
using d3::core::Layer;
using d3::core::ModelCatalog;
using d3::core::ModelGraph;
using d3::core::OpKind;
using d3::core::Region;
using d3::core::StackFinder;
using d3::core::TensorShape;
using d3::core::Tile;
using d3::core::TileGeometry;
using d3::core::TileStep;
using d3::test::NaiveRunner;
using d3::test::TestFiles;
using d3::test::TinyModels;

namespace {

/// The leading stack of [p, q) (the whole model by default), which must exist.
FusedStack stackOf(const ModelGraph &g, int p = 0, int q = -1)
{
    QString why;
    const auto stack = StackFinder::leading(g, p, q < 0 ? g.layerCount() : q, &why);
    EXPECT_TRUE(stack.has_value()) << g.name().toStdString() << ": " << why.toStdString();
    return stack.value_or(FusedStack{});
}

TileGeometry build(const ModelGraph &g, const FusedStack &stack, int rows, int cols)
{
    QString why;
    const auto geometry = TileGeometry::build(g, stack, rows, cols, &why);
    EXPECT_TRUE(geometry.has_value()) << g.name().toStdString() << " " << rows << "x" << cols << ": "
                                      << why.toStdString();
    return geometry.value_or(TileGeometry{});
}

std::string where(const ModelGraph &g, int rows, int cols)
{
    return g.name().toStdString() + " grid " + std::to_string(rows) + "x" + std::to_string(cols);
}

std::string where(const ModelGraph &g, const Tile &t)
{
    return g.name().toStdString() + " tile (" + std::to_string(t.row) + ", " + std::to_string(t.col) + ")";
}

bool isWindowOp(OpKind op)
{
    return op == OpKind::Conv2d || op == OpKind::MaxPool2d || op == OpKind::AvgPool2d;
}

/// Brute force along one axis: every input index the windows of outputs [o0, o1) touch, clipped to [0, size),
/// as a half-open range, and the padding needed (virtual indices before 0 / at or past size).
void touched(qint64 o0, qint64 o1, int kernel, int stride, int padding, int dilation, qint64 size, qint64 *i0,
             qint64 *i1, int *padBefore, int *padAfter)
{
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    qint64 vmin = lo, vmax = hi;
    for (qint64 o = o0; o < o1; ++o) {
        for (int k = 0; k < kernel; ++k) {
            const qint64 v = o * stride - padding + qint64(k) * dilation;
            vmin = std::min(vmin, v);
            vmax = std::max(vmax, v);
            if (v >= 0 && v < size) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    *i0 = lo <= hi ? lo : 0;
    *i1 = lo <= hi ? hi + 1 : 0;
    *padBefore = int(std::max<qint64>(0, -vmin));
    *padAfter = int(std::max<qint64>(0, vmax + 1 - size));
}

/// The regions and steps of one tile found by brute force: per output pixel the input pixels its window
/// touches, the bounding box over the tile, and per tensor the bounding box over its consumers.
struct BruteForce {
    QMap<int, Region> regions;
    QMap<int, TileStep> steps; // layer -> step
};

BruteForce bruteForce(const ModelGraph &g, const FusedStack &stack, const Region &out)
{
    BruteForce b;
    b.regions.insert(stack.output, out);
    for (int i = stack.end - 1; i >= stack.begin; --i) {
        const Layer &l = g.layer(i);
        TileStep step;
        step.layer = i;
        step.out = b.regions.value(i + 1);
        for (int t : l.inputs) {
            Region need = step.out;
            if (isWindowOp(l.op)) {
                const auto &a = l.attributes;
                const TensorShape &in = g.tensorShape(t);
                const bool dilated = l.op != OpKind::AvgPool2d;
                touched(step.out.y0, step.out.y1, a.kernel.h, a.stride.h, a.padding.h, dilated ? a.dilation.h : 1,
                        in.height(), &need.y0, &need.y1, &step.padTop, &step.padBottom);
                touched(step.out.x0, step.out.x1, a.kernel.w, a.stride.w, a.padding.w, dilated ? a.dilation.w : 1,
                        in.width(), &need.x0, &need.x1, &step.padLeft, &step.padRight);
            }
            step.in << need;
            b.regions[t] = b.regions.value(t).united(need);
        }
        b.steps.insert(i, step);
    }
    return b;
}

/// Expects every tile of the geometry to match the brute force exactly: regions of every tensor, and per step
/// the read regions and the border padding.
void expectMatchesBruteForce(const ModelGraph &g, const TileGeometry &geometry)
{
    for (const Tile &tile : geometry.tiles()) {
        SCOPED_TRACE(where(g, tile));
        const BruteForce b = bruteForce(g, geometry.stack(), tile.out);
        EXPECT_EQ(tile.regions.keys(), b.regions.keys());
        for (auto it = b.regions.begin(); it != b.regions.end(); ++it)
            EXPECT_EQ(tile.regions.value(it.key()), it.value())
                << "tensor " << g.tensorName(it.key()).toStdString() << ": geometry "
                << tile.regions.value(it.key()).toString().toStdString() << ", brute force "
                << it.value().toString().toStdString();
        ASSERT_EQ(tile.steps.size(), geometry.stack().size());
        for (const TileStep &step : tile.steps) {
            const TileStep want = b.steps.value(step.layer);
            const std::string layer = g.layer(step.layer).name.toStdString();
            EXPECT_EQ(step.out, want.out) << layer;
            EXPECT_EQ(step.in, want.in) << layer;
            EXPECT_EQ(step.padTop, want.padTop) << layer;
            EXPECT_EQ(step.padBottom, want.padBottom) << layer;
            EXPECT_EQ(step.padLeft, want.padLeft) << layer;
            EXPECT_EQ(step.padRight, want.padRight) << layer;
        }
    }
}

/// Checks that the tiles of a geometry partition the stack output: R x C tiles in row-major order, none empty,
/// every output pixel in exactly one tile, slice sizes differing by at most one along each axis.
void expectPartition(const ModelGraph &g, const TileGeometry &geometry)
{
    const TensorShape &shape = g.tensorShape(geometry.stack().output);
    const int rows = geometry.rows(), cols = geometry.cols();
    ASSERT_EQ(geometry.tiles().size(), rows * cols);
    std::vector<int> cover(size_t(shape.height() * shape.width()), 0);
    qint64 area = 0;
    QSet<qint64> heights, widths;
    for (int i = 0; i < geometry.tiles().size(); ++i) {
        const Tile &t = geometry.tiles()[i];
        EXPECT_EQ(t.row, i / cols);
        EXPECT_EQ(t.col, i % cols);
        EXPECT_FALSE(t.out.isEmpty()) << t.out.toString().toStdString();
        EXPECT_TRUE((Region{0, shape.height(), 0, shape.width()}).contains(t.out)) << t.out.toString().toStdString();
        EXPECT_EQ(t.regions.value(geometry.stack().output), t.out);
        heights.insert(t.out.height());
        widths.insert(t.out.width());
        area += t.out.area();
        for (qint64 y = std::max<qint64>(0, t.out.y0); y < std::min(shape.height(), t.out.y1); ++y) {
            for (qint64 x = std::max<qint64>(0, t.out.x0); x < std::min(shape.width(), t.out.x1); ++x)
                ++cover[size_t(y * shape.width() + x)];
        }
        // Tiles in one grid row share their rows, tiles in one column their columns.
        const Tile &rowStart = geometry.tiles()[t.row * cols];
        const Tile &colStart = geometry.tiles()[t.col];
        EXPECT_EQ(t.out.y0, rowStart.out.y0);
        EXPECT_EQ(t.out.y1, rowStart.out.y1);
        EXPECT_EQ(t.out.x0, colStart.out.x0);
        EXPECT_EQ(t.out.x1, colStart.out.x1);
    }
    EXPECT_EQ(area, shape.height() * shape.width());
    for (size_t i = 0; i < cover.size(); ++i) {
        ASSERT_EQ(cover[i], 1) << "output pixel (" << qint64(i) / shape.width() << ", " << qint64(i) % shape.width()
                               << ") is covered " << cover[i] << " times";
    }
    EXPECT_LE(*std::max_element(heights.begin(), heights.end()) - *std::min_element(heights.begin(), heights.end()), 1);
    EXPECT_LE(*std::max_element(widths.begin(), widths.end()) - *std::min_element(widths.begin(), widths.end()), 1);
}

/// Every grid from 1x1 to 8x8 that fits the stack output.
QVector<std::pair<int, int>> allGrids(const ModelGraph &g, const FusedStack &stack)
{
    const TensorShape &shape = g.tensorShape(stack.output);
    QVector<std::pair<int, int>> grids;
    for (int r = 1; r <= TileGeometry::kMaxGrid && r <= shape.height(); ++r) {
        for (int c = 1; c <= TileGeometry::kMaxGrid && c <= shape.width(); ++c)
            grids.append({r, c});
    }
    return grids;
}

QVector<ModelGraph> tinyModels()
{
    return {TinyModels::chain3x3(), TinyModels::uneven(),   TinyModels::strided(),  TinyModels::stem(),
            TinyModels::residual(), TinyModels::inception(), TinyModels::pointwise()};
}

TEST(TileGeometryTest, SliceStartsSplitEvenly)
{
    // 7 rows in 3 slices: 2, 2, 3.
    EXPECT_EQ(TileGeometry::sliceStart(7, 3, 0), 0);
    EXPECT_EQ(TileGeometry::sliceStart(7, 3, 1), 2);
    EXPECT_EQ(TileGeometry::sliceStart(7, 3, 2), 4);
    EXPECT_EQ(TileGeometry::sliceStart(7, 3, 3), 7);
    for (qint64 size = 1; size <= 64; ++size) {
        for (int n = 1; n <= 8 && n <= size; ++n) {
            EXPECT_EQ(TileGeometry::sliceStart(size, n, 0), 0);
            EXPECT_EQ(TileGeometry::sliceStart(size, n, n), size);
            for (int k = 0; k < n; ++k) {
                const qint64 len = TileGeometry::sliceStart(size, n, k + 1) - TileGeometry::sliceStart(size, n, k);
                EXPECT_TRUE(len == size / n || len == size / n + 1) << size << " in " << n << ", slice " << k;
            }
        }
    }
}

TEST(TileGeometryTest, UnevenGridOfSevenRowsInThree)
{
    const ModelGraph g = TinyModels::parse(QStringLiteral("seven"), QStringLiteral("[1, 7, 9]"), QStringLiteral(
        "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 1, 'kernel_size': 3, 'padding': 1}}"));
    const TileGeometry geometry = build(g, stackOf(g), 3, 2);
    ASSERT_EQ(geometry.tiles().size(), 6);
    const Region want[] = {{0, 2, 0, 4}, {0, 2, 4, 9}, {2, 4, 0, 4}, {2, 4, 4, 9}, {4, 7, 0, 4}, {4, 7, 4, 9}};
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(geometry.tiles()[i].out, want[i]) << i << ": " << geometry.tiles()[i].out.toString().toStdString();
    expectPartition(g, geometry);
}

TEST(TileGeometryTest, TilesPartitionTheOutputForEveryGridOfTinyModels)
{
    for (const ModelGraph &g : tinyModels()) {
        const FusedStack stack = stackOf(g);
        EXPECT_EQ(stack.end, g.layerCount()) << g.name().toStdString();
        const auto grids = allGrids(g, stack);
        EXPECT_EQ(grids.size(), 64) << g.name().toStdString() << " should fit every grid up to 8x8";
        for (const auto &[r, c] : grids) {
            SCOPED_TRACE(where(g, r, c));
            expectPartition(g, build(g, stack, r, c));
        }
    }
}

TEST(TileGeometryTest, TilesPartitionTheOutputOfEveryBuiltinLargestStack)
{
    for (const QString &name : ModelCatalog::builtinNames()) {
        const ModelGraph g = TestFiles::builtin(name);
        const auto stack = StackFinder::largest(g);
        ASSERT_TRUE(stack.has_value()) << name.toStdString();
        for (const auto &[r, c] : allGrids(g, *stack)) {
            SCOPED_TRACE(where(g, r, c));
            expectPartition(g, build(g, *stack, r, c));
        }
    }
}

TEST(TileGeometryTest, ChainRegionsGrowByTheReceptiveFieldAndPadOnlyAtTheBorder)
{
    const ModelGraph g = TinyModels::chain3x3();
    const FusedStack stack = stackOf(g);
    ASSERT_EQ(stack.begin, 0);
    ASSERT_EQ(stack.end, 5);
    const qint64 size = 24;
    // Three 3x3 convs: the input region is the output region grown by 3 (2 for c2's input, 1 for c3's), clipped.
    const auto grown = [&](const Region &r, qint64 by) {
        return Region{std::max<qint64>(0, r.y0 - by), std::min(size, r.y1 + by), std::max<qint64>(0, r.x0 - by),
                      std::min(size, r.x1 + by)};
    };
    for (int rows = 1; rows <= 4; ++rows) {
        for (int cols = 1; cols <= 4; ++cols) {
            const TileGeometry geometry = build(g, stack, rows, cols);
            for (const Tile &t : geometry.tiles()) {
                SCOPED_TRACE(where(g, t));
                EXPECT_EQ(t.regions.value(0), grown(t.out, 3)) << t.regions.value(0).toString().toStdString();
                EXPECT_EQ(t.regions.value(1), grown(t.out, 2)); // c1
                EXPECT_EQ(t.regions.value(2), grown(t.out, 2)); // r1
                EXPECT_EQ(t.regions.value(3), grown(t.out, 1)); // c2
                EXPECT_EQ(t.regions.value(4), grown(t.out, 1)); // r2
                EXPECT_EQ(t.regions.value(5), t.out);           // c3
                for (const TileStep &s : t.steps) {
                    const bool conv = g.layer(s.layer).op == OpKind::Conv2d;
                    EXPECT_EQ(s.padTop, conv && t.row == 0 ? 1 : 0) << g.layer(s.layer).name.toStdString();
                    EXPECT_EQ(s.padBottom, conv && t.row == rows - 1 ? 1 : 0) << g.layer(s.layer).name.toStdString();
                    EXPECT_EQ(s.padLeft, conv && t.col == 0 ? 1 : 0) << g.layer(s.layer).name.toStdString();
                    EXPECT_EQ(s.padRight, conv && t.col == cols - 1 ? 1 : 0) << g.layer(s.layer).name.toStdString();
                }
                EXPECT_EQ(t.inputBytes, 2 * t.regions.value(0).area() * 4);
            }
        }
    }
    // One tile spelled out: the bottom-left tile of 2x2 computes rows 12-23, cols 0-11 from input rows 9-23,
    // cols 0-14.
    const TileGeometry g2 = build(g, stack, 2, 2);
    EXPECT_EQ(g2.tiles()[2].out, (Region{12, 24, 0, 12}));
    EXPECT_EQ(g2.tiles()[2].regions.value(0), (Region{9, 24, 0, 15}));
}

TEST(TileGeometryTest, StemMaxPoolWithCeilModePadsOnlyThePastTheBorderWindow)
{
    const ModelGraph g = TinyModels::stem();
    ASSERT_EQ(g.tensorShape(1).dims, (QVector<qint64>{1, 56, 56})); // 112 -> 56 with kernel 3, stride 2, ceil
    const FusedStack pool = stackOf(g, 0, 1);
    ASSERT_EQ(pool.end, 1);
    const TileGeometry geometry = build(g, pool, 2, 2);
    const Tile &top = geometry.tiles()[0];
    const Tile &bottom = geometry.tiles()[3];
    EXPECT_EQ(top.out, (Region{0, 28, 0, 28}));
    EXPECT_EQ(top.regions.value(0), (Region{0, 57, 0, 57})); // window of output 27 is rows 54-56
    EXPECT_EQ(top.steps[0].padTop + top.steps[0].padBottom + top.steps[0].padLeft + top.steps[0].padRight, 0);
    EXPECT_EQ(bottom.out, (Region{28, 56, 28, 56}));
    EXPECT_EQ(bottom.regions.value(0), (Region{56, 112, 56, 112}));
    // Output 55's window is rows 110-112; row 112 is past the border: one row and column of padding.
    EXPECT_EQ(bottom.steps[0].padTop, 0);
    EXPECT_EQ(bottom.steps[0].padBottom, 1);
    EXPECT_EQ(bottom.steps[0].padLeft, 0);
    EXPECT_EQ(bottom.steps[0].padRight, 1);
    for (const auto &[r, c] : allGrids(g, stackOf(g))) {
        SCOPED_TRACE(where(g, r, c));
        expectMatchesBruteForce(g, build(g, stackOf(g), r, c));
    }
}

TEST(TileGeometryTest, StridedDilatedAndPooledRegionsMatchBruteForce)
{
    const ModelGraph g = TinyModels::strided();
    ASSERT_EQ(g.tensorShape(g.outputTensor()).dims, (QVector<qint64>{3, 8, 8}));
    const FusedStack stack = stackOf(g);
    for (const auto &[r, c] : allGrids(g, stack)) {
        SCOPED_TRACE(where(g, r, c));
        expectMatchesBruteForce(g, build(g, stack, r, c));
    }
}

TEST(TileGeometryTest, ResidualSkipTakesTheLargerOfWhatTheBranchAndTheAddNeed)
{
    const ModelGraph g = TinyModels::residual();
    const int relu2 = g.indexOf(QStringLiteral("b1.relu2"));
    const FusedStack block = stackOf(g, 0, relu2 + 1);
    ASSERT_EQ(block.end, relu2 + 1);
    const int stemT = g.indexOf(QStringLiteral("stem")) + 1;
    const int add = g.indexOf(QStringLiteral("b1.add"));
    const int conv1 = g.indexOf(QStringLiteral("b1.conv1"));
    const TileGeometry geometry = build(g, block, 3, 3);
    const Tile &middle = geometry.tiles()[4]; // rows and columns 5-9 of 16
    ASSERT_EQ(middle.out, (Region{5, 10, 5, 10}));
    Region addReads, branchReads;
    for (const TileStep &s : middle.steps) {
        if (s.layer == add)
            addReads = s.in[1];
        if (s.layer == conv1)
            branchReads = s.in[0];
    }
    EXPECT_EQ(addReads, (Region{5, 10, 5, 10}));
    EXPECT_EQ(branchReads, (Region{3, 12, 3, 12}));
    EXPECT_EQ(middle.regions.value(stemT), (Region{3, 12, 3, 12})); // the larger one
    EXPECT_EQ(middle.regions.value(0), (Region{2, 13, 2, 13}));
    for (const auto &[r, c] : allGrids(g, block)) {
        SCOPED_TRACE(where(g, r, c));
        expectMatchesBruteForce(g, build(g, block, r, c));
    }
    // The whole model, with the stride-2 block and its 1x1 stride-2 skip.
    for (const auto &[r, c] : allGrids(g, stackOf(g))) {
        SCOPED_TRACE(where(g, r, c));
        expectMatchesBruteForce(g, build(g, stackOf(g), r, c));
    }
}

TEST(TileGeometryTest, InceptionStemTakesTheUnionOverItsBranches)
{
    const ModelGraph g = TinyModels::inception();
    const FusedStack stack = stackOf(g);
    ASSERT_EQ(stack.end, g.layerCount());
    const int stemT = 1;
    for (const auto &[r, c] : allGrids(g, stack)) {
        SCOPED_TRACE(where(g, r, c));
        const TileGeometry geometry = build(g, stack, r, c);
        for (const Tile &t : geometry.tiles()) {
            // The 5x5 branch reaches 2 past the tile, further than 3x3 (1), maxpool (1) and 1x1 (0).
            const Region want{std::max<qint64>(0, t.out.y0 - 2), std::min<qint64>(20, t.out.y1 + 2),
                              std::max<qint64>(0, t.out.x0 - 2), std::min<qint64>(20, t.out.x1 + 2)};
            EXPECT_EQ(t.regions.value(stemT), want) << where(g, t);
        }
        expectMatchesBruteForce(g, geometry);
    }
}

TEST(TileGeometryTest, BuiltinLargestStacksMatchBruteForce)
{
    for (const QString &name : ModelCatalog::builtinNames()) {
        const ModelGraph g = TestFiles::builtin(name);
        const auto stack = StackFinder::largest(g);
        ASSERT_TRUE(stack.has_value()) << name.toStdString();
        const TensorShape &shape = g.tensorShape(stack->output);
        for (const auto &[r, c] : QVector<std::pair<int, int>>{{1, 1}, {2, 2}, {2, 3}, {3, 3}, {5, 4}, {7, 7}, {8, 8}}) {
            if (r > shape.height() || c > shape.width())
                continue;
            SCOPED_TRACE(where(g, r, c));
            expectMatchesBruteForce(g, build(g, *stack, r, c));
        }
    }
}

TEST(TileGeometryTest, EveryStepReadsInsideWhatTheTileHoldsAndPaddingFitsTheWindow)
{
    QVector<ModelGraph> models = tinyModels();
    for (const QString &name : ModelCatalog::builtinNames())
        models << TestFiles::builtin(name);
    for (const ModelGraph &g : models) {
        const auto stack = StackFinder::largest(g);
        ASSERT_TRUE(stack.has_value()) << g.name().toStdString();
        for (const auto &[r, c] : QVector<std::pair<int, int>>{{1, 1}, {2, 2}, {3, 2}, {4, 4}, {7, 7}}) {
            const TensorShape &shape = g.tensorShape(stack->output);
            if (r > shape.height() || c > shape.width())
                continue;
            const TileGeometry geometry = build(g, *stack, r, c);
            for (const Tile &t : geometry.tiles()) {
                for (const TileStep &s : t.steps) {
                    const Layer &l = g.layer(s.layer);
                    const std::string at = where(g, t) + " layer " + l.name.toStdString();
                    EXPECT_EQ(t.regions.value(s.layer + 1), s.out) << at;
                    ASSERT_EQ(s.in.size(), l.inputs.size()) << at;
                    for (int k = 0; k < l.inputs.size(); ++k) {
                        const TensorShape &in = g.tensorShape(l.inputs[k]);
                        EXPECT_TRUE(t.regions.value(l.inputs[k]).contains(s.in[k])) << at;
                        EXPECT_TRUE((Region{0, in.height(), 0, in.width()}).contains(s.in[k])) << at;
                        EXPECT_FALSE(s.in[k].isEmpty()) << at;
                    }
                    if (!isWindowOp(l.op))
                        continue;
                    // The padded crop holds exactly the windows of the output region: running the layer on it
                    // without padding yields step.out, with no row or column to spare.
                    const auto &a = l.attributes;
                    const int dh = l.op == OpKind::AvgPool2d ? 1 : a.dilation.h;
                    const int dw = l.op == OpKind::AvgPool2d ? 1 : a.dilation.w;
                    const qint64 h = s.padTop + s.in[0].height() + s.padBottom - qint64(dh) * (a.kernel.h - 1) - 1;
                    const qint64 w = s.padLeft + s.in[0].width() + s.padRight - qint64(dw) * (a.kernel.w - 1) - 1;
                    EXPECT_EQ(h % a.stride.h, 0) << at;
                    EXPECT_EQ(w % a.stride.w, 0) << at;
                    EXPECT_EQ(h / a.stride.h + 1, s.out.height()) << at;
                    EXPECT_EQ(w / a.stride.w + 1, s.out.width()) << at;
                    EXPECT_TRUE(s.padTop == 0 || s.in[0].y0 == 0) << at << ": padding above an inner row";
                    EXPECT_TRUE(s.padLeft == 0 || s.in[0].x0 == 0) << at << ": padding left of an inner column";
                    EXPECT_TRUE(s.padBottom == 0 || s.in[0].y1 == g.tensorShape(l.inputs[0]).height()) << at;
                    EXPECT_TRUE(s.padRight == 0 || s.in[0].x1 == g.tensorShape(l.inputs[0]).width()) << at;
                }
            }
        }
    }
}

TEST(TileGeometryTest, StitchedTilesEqualTheWholeRunBitForBit)
{
    QVector<std::pair<ModelGraph, FusedStack>> cases;
    for (const ModelGraph &g : tinyModels())
        cases.append({g, stackOf(g)});
    // A stack that starts inside the residual block: two tensors cross its first cut.
    const ModelGraph residual = TinyModels::residual();
    const FusedStack inside = stackOf(residual, residual.indexOf(QStringLiteral("b1.conv2")));
    EXPECT_EQ(inside.inputs.size(), 2);
    cases.append({residual, inside});
    for (const auto &[g, stack] : cases) {
        const NaiveRunner runner(g);
        const auto whole = runner.runWhole(NaiveRunner::pattern(g.inputShape(), 3), stack.end);
        const HostTensor &want = whole.value(stack.output);
        for (const auto &[r, c] : allGrids(g, stack)) {
            SCOPED_TRACE(where(g, r, c));
            const TileGeometry geometry = build(g, stack, r, c);
            HostTensor stitched = want;
            std::fill(stitched.values.begin(), stitched.values.end(), std::numeric_limits<float>::quiet_NaN());
            for (const Tile &t : geometry.tiles()) {
                QMap<int, HostTensor> crops;
                for (int in : stack.inputs)
                    crops.insert(in, d3::core::RegionCopy::crop(whole.value(in), t.regions.value(in)));
                const HostTensor out = runner.runTile(t, crops, &whole);
                ASSERT_EQ(out.shape, (QVector<qint64>{want.shape[0], t.out.height(), t.out.width()})) << where(g, t);
                d3::core::RegionCopy::paste(&stitched, out, t.out);
            }
            ASSERT_EQ(stitched.values, want.values);
        }
    }
}

TEST(TileGeometryTest, WindowsWhollyInThePaddingReadAnEmptyRegionNotAnInvertedOne)
{
    const ModelGraph g = TinyModels::padOnly();
    ASSERT_EQ(g.tensorShape(1).dims, (QVector<qint64>{2, 8, 8}));
    const FusedStack stack = stackOf(g);
    const NaiveRunner runner(g);
    const auto whole = runner.runWhole(NaiveRunner::pattern(g.inputShape(), 5), stack.end);
    for (const auto &[r, c] : allGrids(g, stack)) {
        SCOPED_TRACE(where(g, r, c));
        const TileGeometry geometry = build(g, stack, r, c);
        for (const Tile &t : geometry.tiles()) {
            const TileStep &conv = t.steps.first();
            ASSERT_GE(conv.in[0].height(), 0) << where(g, t) << " reads " << conv.in[0].toString().toStdString();
            ASSERT_GE(conv.in[0].width(), 0) << where(g, t) << " reads " << conv.in[0].toString().toStdString();
            EXPECT_TRUE((Region{0, 4, 0, 4}).contains(conv.in[0])) << conv.in[0].toString().toStdString();
            EXPECT_EQ(conv.padTop + conv.in[0].height() + conv.padBottom, conv.out.height());
            EXPECT_EQ(conv.padLeft + conv.in[0].width() + conv.padRight, conv.out.width());
            EXPECT_GE(t.inputBytes, 0);
            QMap<int, HostTensor> crops;
            const Region in = t.regions.value(0);
            if (!in.isEmpty())
                crops.insert(0, d3::core::RegionCopy::crop(whole.value(0), in));
            const HostTensor out = runner.runTile(t, crops, &whole);
            EXPECT_EQ(out.values, d3::core::RegionCopy::crop(whole.value(stack.output), t.out).values) << where(g, t);
        }
    }
    // The corner tile of 8x8 is pure padding: an empty read and a bias-only output.
    const Tile corner = build(g, stack, 8, 8).tiles().first();
    EXPECT_TRUE(corner.steps.first().in[0].isEmpty());
    EXPECT_EQ(corner.steps.first().padTop, 1);
    EXPECT_EQ(corner.steps.first().padLeft, 1);
}

TEST(TileGeometryTest, RedundantFlopsAreZeroForOneTileAndGrowWithTheGrid)
{
    QVector<ModelGraph> models = tinyModels();
    for (const QString &name : ModelCatalog::builtinNames())
        models << TestFiles::builtin(name);
    for (const ModelGraph &g : models) {
        SCOPED_TRACE(g.name().toStdString());
        const auto stack = StackFinder::largest(g);
        ASSERT_TRUE(stack.has_value());
        qint64 flops = 0;
        for (int i = stack->begin; i < stack->end; ++i)
            flops += g.layer(i).flops;
        const TileGeometry one = build(g, *stack, 1, 1);
        EXPECT_EQ(one.untiledFlops(), flops);
        EXPECT_EQ(one.neededFlops(), one.tiledFlops());
        EXPECT_EQ(one.redundantFlopsRatio(), 0.0);
        // Only the strided model computes pixels nothing reads (the last column of its 32 x 33 map under the
        // 2x2 avgpool), so one tile does less than the whole run there.
        if (g.name() == QLatin1String("strided")) {
            EXPECT_LT(one.tiledFlops(), flops);
        } else {
            EXPECT_EQ(one.tiledFlops(), flops);
        }
        ASSERT_EQ(one.tiles().size(), 1);
        for (int t : stack->inputs) {
            const TensorShape &s = g.tensorShape(t);
            EXPECT_EQ(one.tiles()[0].regions.value(t), (Region{0, s.height(), 0, s.width()}));
        }
        // No halo to recompute: only pointwise layers, or a single layer (its halo is input, not compute).
        if (g.name() == QLatin1String("pointwise") || stack->size() == 1)
            continue;
        const TileGeometry two = build(g, *stack, 2, 2);
        EXPECT_GT(two.redundantFlopsRatio(), 0.0);
        EXPECT_EQ(two.neededFlops(), one.neededFlops());
        EXPECT_DOUBLE_EQ(two.redundantFlopsRatio(),
                         double(two.tiledFlops() - one.tiledFlops()) / double(one.tiledFlops()));
        qint64 sum = 0;
        for (const Tile &t : two.tiles())
            sum += t.flops;
        EXPECT_EQ(two.tiledFlops(), sum);
        const TensorShape &shape = g.tensorShape(stack->output);
        const int n = int(std::min<qint64>({shape.height(), shape.width(), 8}));
        if (n > 2) {
            EXPECT_GT(build(g, *stack, n, n).redundantFlopsRatio(), two.redundantFlopsRatio()) << n << "x" << n;
        }
    }
    // On the plain chain every larger square grid costs more.
    const ModelGraph chain = TinyModels::chain3x3();
    double previous = -1;
    for (int n = 1; n <= 8; ++n) {
        const double ratio = build(chain, stackOf(chain), n, n).redundantFlopsRatio();
        EXPECT_GT(ratio, previous) << n << "x" << n;
        previous = ratio;
    }
}

TEST(TileGeometryTest, PointwiseStacksHaveNoHalo)
{
    const ModelGraph g = TinyModels::pointwise();
    const FusedStack stack = stackOf(g);
    for (const auto &[r, c] : allGrids(g, stack)) {
        const TileGeometry geometry = build(g, stack, r, c);
        EXPECT_EQ(geometry.tiledFlops(), geometry.untiledFlops()) << r << "x" << c;
        for (const Tile &t : geometry.tiles())
            EXPECT_EQ(t.regions.value(0), t.out);
    }
}

TEST(TileGeometryTest, TileFlopsCountEveryLayerOverItsComputedRegion)
{
    // chain3x3 2x2: each layer's FLOPs are per output pixel times the pixels the tile computes.
    const ModelGraph g = TinyModels::chain3x3();
    const TileGeometry geometry = build(g, stackOf(g), 2, 2);
    const Tile &t = geometry.tiles()[0]; // out rows/cols 0-11; c1 and r1 computed on 14x14, c2 and r2 on 13x13
    const qint64 c1 = 2 * 2 * 9 * 3 + 3, r1 = 3, c2 = 2 * 3 * 9 * 2 + 2, r2 = 2, c3 = 2 * 2 * 9 * 2 + 2;
    EXPECT_EQ(g.layer(0).flops, c1 * 24 * 24);
    EXPECT_EQ(t.flops, (c1 + r1) * 14 * 14 + (c2 + r2) * 13 * 13 + c3 * 12 * 12);
    EXPECT_EQ(t.inputBytes, 2 * 15 * 15 * 4);
}

TEST(TileGeometryTest, RefusesGridsOutsideOneToEight)
{
    const ModelGraph g = TinyModels::chain3x3();
    const FusedStack stack = stackOf(g);
    for (const auto &[r, c] : QVector<std::pair<int, int>>{{0, 1}, {1, 0}, {9, 1}, {1, 9}, {-1, 2}, {0, 0}, {9, 9}}) {
        QString why;
        EXPECT_FALSE(TileGeometry::build(g, stack, r, c, &why).has_value()) << r << "x" << c;
        EXPECT_TRUE(why.contains(QStringLiteral("%1x%2").arg(r).arg(c))) << why.toStdString();
        EXPECT_TRUE(why.contains(QStringLiteral("1..8"))) << why.toStdString();
        EXPECT_FALSE(why.contains(QLatin1Char('\n')));
    }
    QString why;
    EXPECT_TRUE(TileGeometry::build(g, stack, 8, 8, &why).has_value()) << why.toStdString();
}

TEST(TileGeometryTest, RefusesGridsLargerThanTheStackOutputNamingTheTensorAndShape)
{
    const ModelGraph g = TestFiles::builtin(QStringLiteral("vgg16"));
    const FusedStack last = stackOf(g, 30, 31); // features.30, a maxpool to [512, 7, 7]
    ASSERT_EQ(g.tensorShape(last.output).dims, (QVector<qint64>{512, 7, 7}));
    for (const auto &[r, c] : QVector<std::pair<int, int>>{{8, 8}, {8, 1}, {1, 8}}) {
        QString why;
        EXPECT_FALSE(TileGeometry::build(g, last, r, c, &why).has_value()) << r << "x" << c;
        EXPECT_TRUE(why.contains(QStringLiteral("'features.30'"))) << why.toStdString();
        EXPECT_TRUE(why.contains(QStringLiteral("[512, 7, 7]"))) << why.toStdString();
        EXPECT_TRUE(why.contains(QStringLiteral("%1x%2").arg(r).arg(c))) << why.toStdString();
        EXPECT_FALSE(why.contains(QLatin1Char('\n')));
    }
    QString why;
    EXPECT_TRUE(TileGeometry::build(g, last, 7, 7, &why).has_value()) << why.toStdString();

    // A small tiny-model output: 2 x 3 refuses 3 rows but not 2.
    const ModelGraph small = TinyModels::parse(QStringLiteral("small"), QStringLiteral("[1, 2, 3]"), QStringLiteral(
        "{'name': 'c', 'op': 'conv2d', 'attributes': {'out_channels': 1, 'kernel_size': 1}}"));
    EXPECT_FALSE(TileGeometry::build(small, stackOf(small), 3, 1, &why).has_value());
    EXPECT_TRUE(why.contains(QStringLiteral("[1, 2, 3]"))) << why.toStdString();
    EXPECT_TRUE(TileGeometry::build(small, stackOf(small), 2, 3, &why).has_value());
}

} // namespace
