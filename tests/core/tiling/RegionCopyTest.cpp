#include "tiling/RegionCopy.h"
#include "tiling/TileGeometry.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>

using d3::core::HostTensor;
using d3::core::Region;
using d3::core::RegionCopy;
using d3::core::TileGeometry;

namespace {

/// A [c, h, w] tensor whose every element is distinct (its flat index plus a fraction).
HostTensor numbered(qint64 c, qint64 h, qint64 w)
{
    HostTensor t;
    t.shape = {c, h, w};
    t.values.resize(size_t(c * h * w));
    for (size_t i = 0; i < t.values.size(); ++i)
        t.values[i] = float(i) + 0.25f;
    return t;
}

TEST(RegionCopyTest, CropTakesTheRegionOfEveryChannel)
{
    const HostTensor map = numbered(3, 7, 11);
    const Region r{2, 5, 4, 10};
    const HostTensor crop = RegionCopy::crop(map, r);
    ASSERT_EQ(crop.shape, (QVector<qint64>{3, 3, 6}));
    ASSERT_EQ(crop.values.size(), size_t(3 * 3 * 6));
    for (qint64 c = 0; c < 3; ++c) {
        for (qint64 y = 0; y < 3; ++y) {
            for (qint64 x = 0; x < 6; ++x)
                EXPECT_EQ(crop.values[size_t((c * 3 + y) * 6 + x)],
                          map.values[size_t((c * 7 + y + 2) * 11 + x + 4)]);
        }
    }
    EXPECT_EQ(RegionCopy::crop(map, Region{0, 7, 0, 11}).values, map.values);
}

TEST(RegionCopyTest, CropThenPasteOfEveryTileReproducesTheTensor)
{
    for (const auto &[h, w] : {std::pair<qint64, qint64>{7, 11}, {8, 8}, {13, 5}, {56, 56}}) {
        const HostTensor map = numbered(3, h, w);
        for (int rows = 1; rows <= 8 && rows <= h; ++rows) {
            for (int cols = 1; cols <= 8 && cols <= w; ++cols) {
                HostTensor rebuilt = map;
                std::fill(rebuilt.values.begin(), rebuilt.values.end(), std::numeric_limits<float>::quiet_NaN());
                for (int r = 0; r < rows; ++r) {
                    for (int c = 0; c < cols; ++c) {
                        const Region tile{TileGeometry::sliceStart(h, rows, r), TileGeometry::sliceStart(h, rows, r + 1),
                                          TileGeometry::sliceStart(w, cols, c), TileGeometry::sliceStart(w, cols, c + 1)};
                        const HostTensor piece = RegionCopy::crop(map, tile);
                        EXPECT_EQ(piece.shape, (QVector<qint64>{3, tile.height(), tile.width()}));
                        RegionCopy::paste(&rebuilt, piece, tile);
                    }
                }
                // Bitwise: NaN never compares equal, so a missed pixel fails too.
                ASSERT_EQ(rebuilt.shape, map.shape);
                ASSERT_EQ(0, std::memcmp(rebuilt.values.data(), map.values.data(), map.values.size() * sizeof(float)))
                    << h << "x" << w << " in " << rows << "x" << cols;
            }
        }
    }
}

TEST(RegionCopyTest, PasteWritesOnlyItsRegion)
{
    HostTensor map = numbered(2, 6, 6);
    const HostTensor before = map;
    HostTensor tile;
    tile.shape = {2, 2, 3};
    tile.values.assign(12, -1.0f);
    const Region r{1, 3, 2, 5};
    RegionCopy::paste(&map, tile, r);
    for (qint64 c = 0; c < 2; ++c) {
        for (qint64 y = 0; y < 6; ++y) {
            for (qint64 x = 0; x < 6; ++x) {
                const size_t i = size_t((c * 6 + y) * 6 + x);
                const bool inside = y >= 1 && y < 3 && x >= 2 && x < 5;
                EXPECT_EQ(map.values[i], inside ? -1.0f : before.values[i]) << c << " " << y << " " << x;
            }
        }
    }
    // Overlapping halo crops pasted back leave the tensor unchanged.
    HostTensor again = before;
    for (const Region &halo : {Region{0, 4, 0, 4}, Region{2, 6, 1, 6}, Region{0, 6, 3, 6}})
        RegionCopy::paste(&again, RegionCopy::crop(before, halo), halo);
    EXPECT_EQ(again.values, before.values);
}

TEST(RegionCopyTest, RegionArithmetic)
{
    const Region a{1, 4, 2, 6}, b{3, 8, 0, 3};
    EXPECT_EQ(a.height(), 3);
    EXPECT_EQ(a.width(), 4);
    EXPECT_EQ(a.area(), 12);
    EXPECT_EQ(a.united(b), (Region{1, 8, 0, 6}));
    EXPECT_EQ(Region{}.united(a), a);
    EXPECT_EQ(a.united(Region{}), a);
    EXPECT_TRUE(Region{}.isEmpty());
    EXPECT_EQ((Region{3, 1, 0, 5}).area(), 0);
    EXPECT_TRUE(a.united(b).contains(a));
    EXPECT_FALSE(a.contains(b));
    EXPECT_EQ(a.toString(), QStringLiteral("[1, 4) x [2, 6)"));
}

} // namespace
