#pragma once

#include "HostTensor.h"

namespace d3::core {

/// How far an output is from a reference: the figures `d3ctl verify` and the exactness tests report.
struct TensorComparison {
    /// The exactness contract of a split or tiled forward against the monolithic one (docs/ARCHITECTURE.md,
    /// Exactness): never worse than this relative difference, with an identical argmax. Bit-identity is measured
    /// and reported; it depends on the kernels the CPU runs.
    static constexpr double kExactnessBound = 1e-5;

    bool sameShape = false;  ///< shapes equal (if not, nothing else is meaningful)
    double maxAbsDiff = 0;   ///< max |actual - reference|
    double maxAbsRef = 0;    ///< max |reference|
    bool bitExact = false;   ///< every element bit-identical
    bool argmaxEqual = false; ///< the index of the largest element is the same

    /// Compares actual against reference.
    static TensorComparison compare(const HostTensor &actual, const HostTensor &reference);
    /// maxAbsDiff <= tolerance * maxAbsRef (with the same shape).
    bool withinRelative(double tolerance) const { return sameShape && maxAbsDiff <= tolerance * maxAbsRef; }
    /// The exactness contract: within kExactnessBound and the same argmax.
    bool meetsContract() const { return withinRelative(kExactnessBound) && argmaxEqual; }
};

} // namespace d3::core
