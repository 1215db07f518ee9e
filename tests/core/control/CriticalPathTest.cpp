#include "control/CriticalPath.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace d3::core {
namespace {

/// A report of kind measured on node: a compute of stage, or a transfer to (a decode from) other of data.
HopReport hop(HopReport::Kind kind, const char *node, const char *other, StageKind stage, DataKind data, double ms,
              int tile)
{
    HopReport h;
    h.kind = kind;
    h.node = QLatin1String(node);
    (kind == HopReport::Kind::Decode ? h.from : h.to) = QLatin1String(other);
    h.stage = stage;
    h.data = data;
    h.ms = ms;
    h.tile = tile;
    return h;
}

HopReport compute(const char *node, StageKind stage, double ms, int tile = -1)
{
    return hop(HopReport::Kind::Compute, node, "", stage, DataKind::Cut, ms, tile);
}

HopReport transfer(const char *from, const char *to, DataKind data, double ms, int tile = -1)
{
    return hop(HopReport::Kind::Transfer, from, to, StageKind::Device, data, ms, tile);
}

HopReport decode(const char *at, const char *from, DataKind data, double ms, int tile = -1)
{
    return hop(HopReport::Kind::Decode, at, from, StageKind::Device, data, ms, tile);
}

/// Four tiles from the device on edge1 (0, 2; the stitcher) and edge2 (1, 3), then the edge's layers: inputs there
/// at 1, 2, 3, 4; edge1 computes 1-11 and 11-21, edge2 2-12 and 12-22 and sends at 12-14 and 22-24.
QVector<HopReport> tiledRequest()
{
    QVector<HopReport> hops{compute("device", StageKind::Device, 2), compute("edge1", StageKind::Edge, 3)};
    for (int t = 0; t < 4; ++t) {
        const char *node = t % 2 == 0 ? "edge1" : "edge2";
        hops << transfer("device", node, DataKind::TileIn, 1, t) << compute(node, StageKind::Tiles, 10, t);
        if (t % 2 == 1)
            hops << transfer("edge2", "edge1", DataKind::TileOut, 2, t);
    }
    return hops;
}

TEST(CriticalPathTest, AStraightRequestAddsUp)
{
    const QVector<HopReport> hops{compute("device", StageKind::Device, 5),
                                  transfer("device", "edge1", DataKind::Cut, 1),
                                  compute("edge1", StageKind::Edge, 10),
                                  transfer("edge1", "cloud", DataKind::Cut, 2),
                                  decode("cloud", "edge1", DataKind::Cut, 0.25),
                                  compute("cloud", StageKind::Cloud, 7),
                                  transfer("cloud", "edge1", DataKind::Result, 0.5),
                                  transfer("edge1", "device", DataKind::Result, 0.5)};
    EXPECT_DOUBLE_EQ(CriticalPath::ms(hops, QStringLiteral("edge1")), 26.25);
    EXPECT_DOUBLE_EQ(CriticalPath::ms({}, QStringLiteral("edge1")), 0);
}

TEST(CriticalPathTest, TilesRunInParallelAfterTheirInputsAndBeforeTheStitch)
{
    // 2 + 3 around the tile phase, which ends when edge2's last output reaches edge1 at 24.
    EXPECT_DOUBLE_EQ(CriticalPath::ms(tiledRequest(), QStringLiteral("edge1")), 29);
    // With the stitcher's decodes after its own tiles (21): 14 -> 22, 24 -> 25.
    QVector<HopReport> decoded = tiledRequest();
    decoded << decode("edge1", "edge2", DataKind::TileOut, 1, 1) << decode("edge1", "edge2", DataKind::TileOut, 1, 3);
    EXPECT_DOUBLE_EQ(CriticalPath::ms(decoded, QStringLiteral("edge1")), 30);
    // A tile node's decode of its input comes before its compute: edge2 2-13 and 13-24, sends at 13-15 and 24-26.
    decoded = tiledRequest();
    decoded << decode("edge2", "device", DataKind::TileIn, 1, 1) << decode("edge2", "device", DataKind::TileIn, 1, 3);
    EXPECT_DOUBLE_EQ(CriticalPath::ms(decoded, QStringLiteral("edge1")), 31);
}

TEST(CriticalPathTest, ReportsCountInAnyOrder)
{
    QVector<HopReport> hops = tiledRequest();
    std::mt19937 shuffle(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(hops.begin(), hops.end(), shuffle);
        EXPECT_DOUBLE_EQ(CriticalPath::ms(hops, QStringLiteral("edge1")), 29);
    }
}

TEST(CriticalPathTest, SixteenTilesOverEightNodesTakeTheSlowestNodesPath)
{
    // 4 x 4 tiles round-robin over edge1..edge8 (edge1 stitches), inputs 0.5 ms each from the device, tiles 4 ms,
    // outputs 1 ms. Tile t's input is there at 0.5 (t + 1); node k computes tiles k and k + 8; the last tile (15,
    // on edge8) is there at 8, computed 8-12 (its first, 7, at 4-8), sent 12-13.
    QVector<HopReport> hops;
    const QByteArrayList nodes{"edge1", "edge2", "edge3", "edge4", "edge5", "edge6", "edge7", "edge8"};
    for (int t = 0; t < 16; ++t) {
        const char *node = nodes.at(t % 8).constData();
        hops << transfer("device", node, DataKind::TileIn, 0.5, t) << compute(node, StageKind::Tiles, 4, t);
        if (t % 8 != 0)
            hops << transfer(node, "edge1", DataKind::TileOut, 1, t);
    }
    EXPECT_DOUBLE_EQ(CriticalPath::ms(hops, QStringLiteral("edge1")), 13);
}

} // namespace
} // namespace d3::core
