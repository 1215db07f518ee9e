#pragma once

#include <QString>
#include <QVector>

namespace d3::bench {

/// One point of the one-way delay check: a configured rate and delay, and what a small frame took.
struct LatencyPoint {
    double rateMbps = 0;     ///< configured rate (0 = unlimited)
    double delayMs = 0;      ///< configured one-way delay
    qint64 frameWire = 0;    ///< bytes of the small frame on the wire
    QVector<double> samples; ///< send() to arrival, ms, one per frame

    /// What an ideal link would take: the delay plus the frame's serialization time at the rate (no burst).
    double expectedMs() const { return delayMs + (rateMbps > 0 ? frameWire * 8 / (rateMbps * 1e3) : 0); }
};

/// One-way delay accuracy: on a fresh loopback pair shaped with setShaping(rate, burst, delay), the sender sends a
/// small frame on an idle link (5 ms after the previous one arrived); each sample is the time from send() to the
/// receiver's frameReceived.
class LatencyBench
{
public:
    /// Every rate x delay, plus the unlimited rate at every delay.
    static QVector<LatencyPoint> grid(const QVector<double> &rates, const QVector<double> &delays);
    /// Measures samples frames per point with the given burst; false and one line in *error on failure.
    static bool run(QVector<LatencyPoint> *points, qint64 burstBytes, int samples, QString *error);
};

} // namespace d3::bench
