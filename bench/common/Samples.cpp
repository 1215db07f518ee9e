#include "Samples.h"

#include <algorithm>

namespace d3::bench {

double Samples::median(QVector<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const int m = samples.size() / 2;
    return samples.size() % 2 ? samples.at(m) : (samples.at(m - 1) + samples.at(m)) / 2;
}

double Samples::minimum(const QVector<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::min_element(samples.begin(), samples.end());
}

double Samples::maximum(const QVector<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

} // namespace d3::bench
