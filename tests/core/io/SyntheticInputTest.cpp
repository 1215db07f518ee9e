#include "io/ImageBytes.h"
#include "io/SyntheticInput.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

using d3::core::HostTensor;
using d3::core::SyntheticInput;
using d3::core::TensorShape;

namespace {

const TensorShape kImage{{3, 224, 224}};

bool identical(const HostTensor &a, const HostTensor &b)
{
    return a.shape == b.shape && a.values.size() == b.values.size()
        && std::memcmp(a.values.data(), b.values.data(), size_t(a.bytes())) == 0;
}

TEST(SyntheticInputTest, HasTheRequestedShape)
{
    const HostTensor t = SyntheticInput::make(kImage, 1);
    EXPECT_EQ(t.shape, (QVector<qint64>{3, 224, 224}));
    EXPECT_EQ(qint64(t.values.size()), 3 * 224 * 224);
    EXPECT_EQ(SyntheticInput::make(TensorShape{{10}}, 1).values.size(), 10u);
}

TEST(SyntheticInputTest, SameSeedSameTensor)
{
    EXPECT_TRUE(identical(SyntheticInput::make(kImage, 42), SyntheticInput::make(kImage, 42)));
}

TEST(SyntheticInputTest, DifferentSeedsDifferentTensors)
{
    const HostTensor a = SyntheticInput::make(kImage, 1);
    const HostTensor b = SyntheticInput::make(kImage, 2);
    size_t equal = 0;
    for (size_t i = 0; i < a.values.size(); ++i)
        equal += a.values[i] == b.values[i];
    EXPECT_LT(equal, a.values.size() / 200); // 256 levels: about 1 in 256 agree by chance
}

TEST(SyntheticInputTest, ValuesAreAnEightBitImageOverMinusOneToOne)
{
    const HostTensor t = SyntheticInput::make(kImage, 7);
    const auto [lo, hi] = std::minmax_element(t.values.begin(), t.values.end());
    EXPECT_EQ(*lo, -1.0f);
    EXPECT_EQ(*hi, 127.0f / 128.0f);
    EXPECT_TRUE(d3::core::ImageBytes::fits(t));
    double sum = 0;
    for (float v : t.values)
        sum += v;
    EXPECT_NEAR(sum / double(t.values.size()), 0.0, 0.01);
}

TEST(SyntheticInputTest, ValuesAreTheSameOnEveryMachine)
{
    // Golden values from an independent (Python) evaluation of the SplitMix64 stream of Hash64: element i is
    // (k - 128) / 128 with k = mix(mix(seed ^ 0x5eed1a9b7f4a7c15) + i * 0x9e3779b97f4a7c15) >> 56. Any change here
    // changes every recorded experiment's input.
    const HostTensor t = SyntheticInput::make(kImage, 1);
    EXPECT_EQ(t.values[0], 0x1.8p-4f);       // k = 140
    EXPECT_EQ(t.values[1], 0x1.7p-1f);       // k = 220
    EXPECT_EQ(t.values[2], -0x1.f8p-2f);     // k = 65
    EXPECT_EQ(t.values[150527], -0x1.8p-5f); // k = 122
}

} // namespace
