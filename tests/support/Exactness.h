#pragma once

#include "io/TensorComparison.h"

#include <string>

namespace d3::test {

/// The exactness check of every test that compares a split, tiled or remote output with the monolithic one
/// (docs/ARCHITECTURE.md, Exactness): the contract is asserted; bit-identity depends on the kernels this CPU runs,
/// so it is reported (a line on stdout and a count in the test's XML properties), not asserted.
class Exactness
{
public:
    /// Expects c to meet the contract (a failure names what and the figures); prints whether it was bit-exact and
    /// counts it.
    static void expectContract(const core::TensorComparison &c, const std::string &what);
    /// Records the counts so far as the properties "bit_exact" and "compared" of the running test, and resets them.
    static void recordCounts();
};

} // namespace d3::test
