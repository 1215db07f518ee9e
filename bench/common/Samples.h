#pragma once

#include <QVector>

namespace d3::bench {

/// Summaries of per-round wall times (milliseconds) and ratios of them.
class Samples
{
public:
    /// Median of samples (mean of the middle two for an even count; 0 when empty).
    static double median(QVector<double> samples);
    /// Smallest sample (0 when empty).
    static double minimum(const QVector<double> &samples);
    /// Largest sample (0 when empty).
    static double maximum(const QVector<double> &samples);
    /// a / b, or 0 when b is not positive.
    static double ratio(double a, double b) { return b > 0 ? a / b : 0; }
};

} // namespace d3::bench
