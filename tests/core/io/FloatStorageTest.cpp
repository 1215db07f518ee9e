#include "io/FloatStorage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace d3::core {
namespace {

QByteArray floatBytes(std::initializer_list<float> values, qsizetype before = 0)
{
    QByteArray bytes(before, 'x');
    for (float v : values)
        bytes.append(reinterpret_cast<const char *>(&v), sizeof(float));
    return bytes;
}

TEST(FloatStorageTest, BehavesAsAVectorOfFloats)
{
    FloatStorage s(3, 1.5f);
    EXPECT_EQ(s, (std::vector<float>{1.5f, 1.5f, 1.5f}));
    s.push_back(2.0f);
    s[0] = -1.0f;
    EXPECT_EQ(s, (std::vector<float>{-1.0f, 1.5f, 1.5f, 2.0f}));
    s.resize(6);
    EXPECT_EQ(s, (std::vector<float>{-1.0f, 1.5f, 1.5f, 2.0f, 0.0f, 0.0f}));
    s.resize(2);
    EXPECT_EQ(s.size(), 2u);
    EXPECT_EQ(std::accumulate(s.begin(), s.end(), 0.0f), 0.5f);
    s.assign(2, 7.0f);
    EXPECT_EQ(s, (FloatStorage{7.0f, 7.0f}));
    EXPECT_NE(s, (FloatStorage{7.0f}));
    s.clear();
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(FloatStorage{}, FloatStorage(std::vector<float>{}));
}

TEST(FloatStorageTest, ComparesElementsAsFloats)
{
    EXPECT_EQ((FloatStorage{0.0f}), (FloatStorage{-0.0f}));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_NE((FloatStorage{nan}), (FloatStorage{nan}));
}

TEST(FloatStorageTest, CopiesAreIndependentValues)
{
    FloatStorage a{1.0f, 2.0f, 3.0f};
    FloatStorage b = a;
    EXPECT_EQ(std::as_const(b).data(), std::as_const(a).data()); // shared until one changes
    EXPECT_TRUE(a.isShared());
    b[1] = 20.0f;
    EXPECT_EQ(a, (FloatStorage{1.0f, 2.0f, 3.0f}));
    EXPECT_EQ(b, (FloatStorage{1.0f, 20.0f, 3.0f}));
    EXPECT_FALSE(a.isShared());
    EXPECT_FALSE(b.isShared());
}

TEST(FloatStorageTest, AdoptsAnAlignedSliceWithoutCopying)
{
    QByteArray buffer = floatBytes({1.0f, 2.0f, 3.0f, 4.0f});
    ASSERT_EQ(reinterpret_cast<quintptr>(buffer.constData()) % alignof(float), 0u);
    const FloatStorage s = FloatStorage::adopt(buffer, 4, 2);
    EXPECT_EQ(reinterpret_cast<const char *>(s.data()), buffer.constData() + 4);
    EXPECT_EQ(s, (FloatStorage{2.0f, 3.0f}));
    EXPECT_TRUE(s.isShared());
    EXPECT_EQ(s.toByteArray(), buffer.mid(4, 8));

    // Changing the buffer afterwards changes only the buffer (QByteArray copies its shared bytes first).
    buffer[4] = 'z';
    EXPECT_EQ(s, (FloatStorage{2.0f, 3.0f}));
    buffer.clear();
    EXPECT_EQ(s, (FloatStorage{2.0f, 3.0f})); // kept alive

    // Changing the storage copies its slice out first.
    QByteArray other = floatBytes({5.0f, 6.0f});
    FloatStorage t = FloatStorage::adopt(other, 0, 2);
    EXPECT_EQ(t.toByteArray().constData(), other.constData()); // the whole buffer: shared
    *t.begin() = 50.0f;
    EXPECT_EQ(t, (FloatStorage{50.0f, 6.0f}));
    EXPECT_EQ(other, floatBytes({5.0f, 6.0f}));

    FloatStorage u = FloatStorage::adopt(floatBytes({1.0f, 2.0f, 3.0f}), 4, 2);
    u.push_back(9.0f);
    EXPECT_EQ(u, (FloatStorage{2.0f, 3.0f, 9.0f}));
}

TEST(FloatStorageTest, CopiesAMisalignedSlice)
{
    const QByteArray buffer = floatBytes({1.0f, 2.0f}, 1);
    const FloatStorage s = FloatStorage::adopt(buffer, 1, 2);
    EXPECT_NE(reinterpret_cast<const char *>(s.data()), buffer.constData() + 1);
    EXPECT_EQ(reinterpret_cast<quintptr>(s.data()) % alignof(float), 0u);
    EXPECT_EQ(s, (FloatStorage{1.0f, 2.0f}));
    EXPECT_FALSE(s.isShared());
}

} // namespace
} // namespace d3::core
