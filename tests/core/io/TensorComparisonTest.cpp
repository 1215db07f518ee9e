#include "io/TensorComparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

using d3::core::HostTensor;
using d3::core::TensorComparison;

// These tests check TensorComparison itself on tensors written out here, value by value: no kernel computes them,
// so whether two of them are bit-identical holds by construction on every CPU. The bitExact flag is the unit under
// test: it is held to an independent byte comparison of the same two tensors (sameBytes), never to a CPU's result,
// and each such case also meets the 1e-5 contract, which is asserted beside it.
// Outputs that a CPU computes are held to the contract only (test::Exactness, docs/ARCHITECTURE.md, Exactness).
namespace {

HostTensor vec(std::vector<float> values)
{
    return HostTensor{{qint64(values.size())}, std::move(values)};
}

/// Whether a and b hold the same shape and the same bytes, compared apart from TensorComparison.
bool sameBytes(const HostTensor &a, const HostTensor &b)
{
    return a.shape == b.shape && a.values.size() == b.values.size()
           && std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(float)) == 0;
}

TEST(TensorComparisonTest, IdenticalTensorsAreBitExact)
{
    const HostTensor a = vec({0.5f, -3.0f, 2.0f});
    const auto c = TensorComparison::compare(a, a);
    EXPECT_TRUE(c.sameShape);
    EXPECT_EQ(c.bitExact, sameBytes(a, a)); // a tensor against itself
    EXPECT_TRUE(c.meetsContract());
    EXPECT_TRUE(c.argmaxEqual);
    EXPECT_EQ(c.maxAbsDiff, 0.0);
    EXPECT_EQ(c.maxAbsRef, 3.0);
    EXPECT_TRUE(c.withinRelative(0.0));
}

TEST(TensorComparisonTest, ReportsMaxDiffsAndArgmax)
{
    const auto c = TensorComparison::compare(vec({1.0f, 2.0f, 3.0f}), vec({1.0f, 2.5f, -4.0f}));
    EXPECT_TRUE(c.sameShape);
    EXPECT_FALSE(c.bitExact);
    EXPECT_DOUBLE_EQ(c.maxAbsDiff, 7.0);
    EXPECT_DOUBLE_EQ(c.maxAbsRef, 4.0);
    EXPECT_FALSE(c.argmaxEqual); // 2 against 1
    EXPECT_FALSE(c.withinRelative(1.0));
    EXPECT_TRUE(c.withinRelative(1.75));
}

TEST(TensorComparisonTest, SmallDifferenceKeepsArgmax)
{
    const auto c = TensorComparison::compare(vec({0.1f, 0.9f, 0.3f}), vec({0.1f, std::nextafter(0.9f, 1.0f), 0.3f}));
    EXPECT_FALSE(c.bitExact);
    EXPECT_TRUE(c.argmaxEqual);
    EXPECT_GT(c.maxAbsDiff, 0.0);
    EXPECT_LT(c.maxAbsDiff, 1e-7);
    EXPECT_TRUE(c.withinRelative(1e-5));
}

TEST(TensorComparisonTest, SignedZerosAreEqualButNotBitExact)
{
    const auto c = TensorComparison::compare(vec({0.0f, 1.0f}), vec({-0.0f, 1.0f}));
    EXPECT_EQ(c.maxAbsDiff, 0.0);
    EXPECT_FALSE(c.bitExact);
}

TEST(TensorComparisonTest, ShapeMismatchIsNeverWithinTolerance)
{
    HostTensor a{{2, 3}, std::vector<float>(6, 1.0f)};
    HostTensor b{{3, 2}, std::vector<float>(6, 1.0f)};
    const auto c = TensorComparison::compare(a, b);
    EXPECT_FALSE(c.sameShape);
    EXPECT_FALSE(c.bitExact);
    EXPECT_FALSE(c.withinRelative(1e9));
    EXPECT_FALSE(TensorComparison::compare(vec({1, 2}), vec({1, 2, 3})).sameShape);
}

TEST(TensorComparisonTest, NanAgainstANumberIsNotWithinTolerance)
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const auto c = TensorComparison::compare(vec({1.0f, nan, 3.0f}), vec({1.0f, 2.0f, 3.0f}));
    EXPECT_FALSE(c.bitExact);
    EXPECT_FALSE(c.withinRelative(1e-5)) << "max_abs_diff " << c.maxAbsDiff;
    EXPECT_FALSE(c.withinRelative(1e6));
    // Bit-identical NaNs (both sides computed the same thing) differ by nothing.
    const auto same = TensorComparison::compare(vec({nan, 1.0f}), vec({nan, 1.0f}));
    EXPECT_EQ(same.bitExact, sameBytes(vec({nan, 1.0f}), vec({nan, 1.0f}))); // the same literals on both sides
    EXPECT_EQ(same.maxAbsDiff, 0.0);
    EXPECT_TRUE(same.withinRelative(TensorComparison::kExactnessBound)); // and within the contract's bound
}

TEST(TensorComparisonTest, EmptyTensorsCompareEqual)
{
    const auto c = TensorComparison::compare(HostTensor{{0}, {}}, HostTensor{{0}, {}});
    EXPECT_TRUE(c.sameShape);
    EXPECT_EQ(c.bitExact, sameBytes(HostTensor{{0}, {}}, HostTensor{{0}, {}})); // nothing to differ
    EXPECT_TRUE(c.meetsContract());
    EXPECT_TRUE(c.argmaxEqual);
}

TEST(TensorComparisonTest, TheContractIsTheBoundAndTheArgmax)
{
    const HostTensor reference = vec({1.0f, 10.0f, 3.0f});
    // Not bit-exact, but within 1e-5 x max|y| with the same argmax: meets the contract.
    const auto close = TensorComparison::compare(vec({1.0f + 9e-5f, 10.0f, 3.0f}), reference);
    EXPECT_FALSE(close.bitExact);
    EXPECT_TRUE(close.meetsContract());
    // Past the bound.
    EXPECT_FALSE(TensorComparison::compare(vec({1.0f + 2e-4f, 10.0f, 3.0f}), reference).meetsContract());
    // Within the bound, but the argmax moved (a tie broken the other way).
    const HostTensor tie = vec({5.0f, 5.0f});
    const auto moved = TensorComparison::compare(vec({5.0f, 5.0f + 1e-5f}), tie);
    EXPECT_TRUE(moved.withinRelative(TensorComparison::kExactnessBound));
    EXPECT_FALSE(moved.meetsContract());
    // Another shape never meets it.
    EXPECT_FALSE(TensorComparison::compare(HostTensor{{1, 3}, {1.0f, 10.0f, 3.0f}}, reference).meetsContract());
}

} // namespace
