#include "Exactness.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace d3::test {
namespace {

int g_compared = 0;
int g_bitExact = 0;

} // namespace

void Exactness::expectContract(const core::TensorComparison &c, const std::string &what)
{
    EXPECT_TRUE(c.meetsContract()) << what << ": max|diff| " << c.maxAbsDiff << " of max|y| " << c.maxAbsRef
                                   << (c.sameShape ? "" : ", shapes differ")
                                   << (c.argmaxEqual ? "" : ", argmax differs");
    ++g_compared;
    g_bitExact += c.bitExact ? 1 : 0;
    std::printf("[ exactness ] %s: %s (max|diff| %.3g of max|y| %.4g)\n", what.c_str(),
                c.bitExact ? "bit-exact" : "within the contract, not bit-exact", c.maxAbsDiff, c.maxAbsRef);
    std::fflush(stdout);
}

void Exactness::recordCounts()
{
    ::testing::Test::RecordProperty("compared", g_compared);
    ::testing::Test::RecordProperty("bit_exact", g_bitExact);
    g_compared = 0;
    g_bitExact = 0;
}

} // namespace d3::test
