#include "TensorComparison.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace d3::core {
namespace {

size_t argmax(const FloatStorage &v)
{
    size_t best = 0;
    for (size_t i = 1; i < v.size(); ++i) {
        if (v[i] > v[best])
            best = i;
    }
    return best;
}

} // namespace

TensorComparison TensorComparison::compare(const HostTensor &actual, const HostTensor &reference)
{
    TensorComparison c;
    c.sameShape = actual.shape == reference.shape && actual.values.size() == reference.values.size();
    if (!c.sameShape)
        return c;
    for (size_t i = 0; i < actual.values.size(); ++i) {
        double diff = std::fabs(double(actual.values[i]) - double(reference.values[i]));
        if (std::isnan(diff)) // a NaN (or inf - inf) is infinitely far off unless both sides hold the same bits
            diff = std::memcmp(&actual.values[i], &reference.values[i], sizeof(float)) == 0
                ? 0.0 : std::numeric_limits<double>::infinity();
        c.maxAbsDiff = std::max(c.maxAbsDiff, diff);
        c.maxAbsRef = std::max(c.maxAbsRef, std::fabs(double(reference.values[i])));
    }
    c.bitExact = std::memcmp(actual.values.data(), reference.values.data(), size_t(actual.bytes())) == 0;
    c.argmaxEqual = actual.values.empty() || argmax(actual.values) == argmax(reference.values);
    return c;
}

} // namespace d3::core
