#include "D3ctlProcess.h"
#include "TestFiles.h"

#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using d3::test::D3ctlProcess;
using d3::test::TestFiles;

namespace {

QStringList args(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QJsonObject runJson(const char *line)
{
    const auto r = D3ctlProcess::run(args(line));
    EXPECT_TRUE(r.succeeded()) << line;
    return r.json().object();
}

/// [y0, y1, x0, x1] as JSON numbers.
QJsonArray regionJson(const d3::core::Region &r)
{
    return QJsonArray{double(r.y0), double(r.y1), double(r.x0), double(r.x1)};
}

TEST(TilesCommandTest, VggJsonTilesCoverTheStackOutput)
{
    const QJsonObject v = runJson("tiles vgg16 --range 0,40 --grid 2x2 --json");
    for (const char *key : {"stack", "grid", "tiles", "redundant_flops_ratio"})
        EXPECT_TRUE(v.contains(QLatin1String(key))) << key;
    EXPECT_EQ(v.value(QLatin1String("stack")).toArray(), (QJsonArray{0, 30})); // the whole features part
    EXPECT_EQ(v.value(QLatin1String("grid")).toArray(), (QJsonArray{2, 2}));
    const double ratio = v.value(QLatin1String("redundant_flops_ratio")).toDouble(-1);
    EXPECT_GT(ratio, 0.0);
    EXPECT_TRUE(std::isfinite(ratio));

    // features.30 is [512, 7, 7] (d3ctl inspect vgg16): every output pixel in exactly one tile's out region.
    const auto graph = TestFiles::builtin(QStringLiteral("vgg16"));
    ASSERT_EQ(graph.tensorShape(31).dims, (QVector<qint64>{512, 7, 7}));
    const QJsonArray tiles = v.value(QLatin1String("tiles")).toArray();
    ASSERT_EQ(tiles.size(), 4);
    std::vector<int> cover(7 * 7, 0);
    for (int i = 0; i < tiles.size(); ++i) {
        const QJsonObject t = tiles.at(i).toObject();
        for (const char *key : {"row", "col", "out", "in"})
            EXPECT_TRUE(t.contains(QLatin1String(key))) << key;
        EXPECT_EQ(t.value(QLatin1String("row")).toInt(-1), i / 2);
        EXPECT_EQ(t.value(QLatin1String("col")).toInt(-1), i % 2);
        const QJsonArray out = t.value(QLatin1String("out")).toArray();
        ASSERT_EQ(out.size(), 4);
        const int y0 = out.at(0).toInt(-1), y1 = out.at(1).toInt(-1), x0 = out.at(2).toInt(-1), x1 = out.at(3).toInt(-1);
        ASSERT_TRUE(0 <= y0 && y0 < y1 && y1 <= 7 && 0 <= x0 && x0 < x1 && x1 <= 7) << i;
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x)
                ++cover[size_t(y * 7 + x)];
        }
        // It reads a region of the 224 x 224 input, more than its share because of the halo.
        const QJsonArray in = t.value(QLatin1String("in")).toArray();
        ASSERT_EQ(in.size(), 1);
        EXPECT_EQ(in.at(0).toObject().value(QLatin1String("tensor")).toString(), QStringLiteral("input"));
        const QJsonArray region = in.at(0).toObject().value(QLatin1String("region")).toArray();
        ASSERT_EQ(region.size(), 4);
        EXPECT_GT(region.at(1).toInt() - region.at(0).toInt(), 112);
        EXPECT_GT(region.at(3).toInt() - region.at(2).toInt(), 112);
    }
    for (size_t i = 0; i < cover.size(); ++i)
        EXPECT_EQ(cover[i], 1) << "pixel " << i;
}

TEST(TilesCommandTest, JsonMatchesTheCoreGeometry)
{
    const QJsonObject v = runJson("tiles resnet18 --range 0,17 --grid 3x2 --json");
    const auto graph = TestFiles::builtin(QStringLiteral("resnet18"));
    QString why;
    const auto stack = d3::core::StackFinder::leading(graph, 0, 17, &why);
    ASSERT_TRUE(stack.has_value()) << why.toStdString();
    const auto geometry = d3::core::TileGeometry::build(graph, *stack, 3, 2, &why);
    ASSERT_TRUE(geometry.has_value()) << why.toStdString();
    EXPECT_EQ(v.value(QLatin1String("stack")).toArray(), (QJsonArray{stack->begin, stack->end - 1}));
    EXPECT_EQ(v.value(QLatin1String("grid")).toArray(), (QJsonArray{3, 2}));
    EXPECT_DOUBLE_EQ(v.value(QLatin1String("redundant_flops_ratio")).toDouble(), geometry->redundantFlopsRatio());
    const QJsonArray tiles = v.value(QLatin1String("tiles")).toArray();
    ASSERT_EQ(tiles.size(), 6);
    for (int i = 0; i < 6; ++i) {
        const auto &tile = geometry->tiles()[i];
        const QJsonObject t = tiles.at(i).toObject();
        EXPECT_EQ(t.value(QLatin1String("out")).toArray(), regionJson(tile.out)) << i;
        EXPECT_EQ(t.value(QLatin1String("in")).toArray().at(0).toObject().value(QLatin1String("region")).toArray(),
                  regionJson(tile.regions.value(0)))
            << i;
    }
}

TEST(TilesCommandTest, TextOutputNamesTheStackAndGrid)
{
    const auto r = D3ctlProcess::run(args("tiles vgg16 --range 0,40 --grid 2x3"));
    ASSERT_TRUE(r.succeeded());
    EXPECT_TRUE(r.out.contains("features.30")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("2x3")) << r.out.toStdString();
}

TEST(TilesCommandTest, VerifyResnetTiledIsExact)
{
    const QJsonObject v = runJson("verify resnet18 --cuts 0,17 --grid 2x2 --json");
    EXPECT_EQ(v.value(QLatin1String("grid")).toArray(), (QJsonArray{2, 2}));
    EXPECT_EQ(v.value(QLatin1String("cuts")).toArray(), (QJsonArray{0, 17}));
    const QJsonArray stack = v.value(QLatin1String("stack")).toArray();
    ASSERT_EQ(stack.size(), 2);
    EXPECT_LE(stack.at(0).toInt(-1), stack.at(1).toInt(-1));
    EXPECT_TRUE(v.value(QLatin1String("argmax_equal")).toBool());
    const double diff = v.value(QLatin1String("max_abs_diff")).toDouble(-1);
    const double ref = v.value(QLatin1String("max_abs_ref")).toDouble(-1);
    EXPECT_GT(ref, 0.0);
    EXPECT_GE(diff, 0.0);
    EXPECT_LE(diff, 1e-5 * ref);
    EXPECT_TRUE(v.value(QLatin1String("passed")).toBool());
}

TEST(TilesCommandTest, GridLargerThanTheFeatureMapIsRefused)
{
    // features.30 (the last maxpool) is [512, 7, 7].
    const auto r = D3ctlProcess::run(args("tiles vgg16 --range 30,31 --grid 8x8"));
    EXPECT_TRUE(r.refused(QStringLiteral("'features.30' [512, 7, 7]")));
    EXPECT_TRUE(r.err.contains("8x8")) << r.err.toStdString();
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 30,31 --grid 1x8")).refused(QStringLiteral("features.30")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 30,31 --grid 7x7 --json")).succeeded());
    EXPECT_TRUE(D3ctlProcess::run(args("verify vgg16 --cuts 30,31 --grid 8x8")).refused(QStringLiteral("features.30")));
}

TEST(TilesCommandTest, RangeWithoutASpatialStackIsRefused)
{
    const auto vector = D3ctlProcess::run(args("tiles vgg16 --range 35,40 --grid 2x2"));
    EXPECT_TRUE(vector.refused(QStringLiteral("[35, 40)")));
    EXPECT_TRUE(vector.err.contains("classifier.1")) << vector.err.toStdString();
    const auto linear = D3ctlProcess::run(args("tiles vgg16 --range 33,40 --grid 1x1"));
    EXPECT_TRUE(linear.refused(QStringLiteral("'classifier.0'")));
    EXPECT_TRUE(D3ctlProcess::run(args("verify vgg16 --cuts 35,40 --grid 2x2")).refused(QStringLiteral("[35, 40)")));
}

TEST(TilesCommandTest, GridOutsideOneToEightIsRefused)
{
    for (const char *line : {"tiles vgg16 --range 0,40 --grid 9x1", "tiles vgg16 --range 0,40 --grid 1x9",
                             "tiles vgg16 --range 0,40 --grid 0x2", "tiles vgg16 --range 0,40 --grid 2by2",
                             "tiles vgg16 --range 0,40 --grid 2x", "tiles vgg16 --range 0,40 --grid -1x2"}) {
        const auto r = D3ctlProcess::run(args(line));
        EXPECT_TRUE(r.refused(QStringLiteral("--grid"))) << line;
        EXPECT_TRUE(r.err.contains("1..8")) << line << ": " << r.err.toStdString();
    }
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 0,40 --grid 9x1")).err.contains("9x1"));
}

TEST(TilesCommandTest, MissingOrBadRangeIsRefused)
{
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --grid 2x2")).refused(QStringLiteral("--range")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 0,40")).refused(QStringLiteral("--grid")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range")).refused(QStringLiteral("--range")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 12,5 --grid 2x2")).refused(QStringLiteral("--range 12,5")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 0,41 --grid 2x2")).refused(QStringLiteral("--range 0,41")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 0;40 --grid 2x2")).refused(QStringLiteral("--range")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg16 --range 5,5 --grid 2x2")).refused(QStringLiteral("[5, 5)")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles vgg17 --range 0,1 --grid 1x1")).refused(QStringLiteral("vgg17")));
    EXPECT_TRUE(D3ctlProcess::run(args("tiles --range 0,1 --grid 1x1")).refused(QStringLiteral("tiles")));
}

} // namespace
