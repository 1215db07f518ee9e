#pragma once

#include "net/Frame.h"

#include <QString>
#include <QVector>

namespace d3::bench {

/// One measurement of a shaped stream (see ShapingBench).
struct ShapingRun {
    double elapsedMs = 0;    ///< from the first send() to the arrival of the last frame
    double measuredMbps = 0; ///< payload bits / (elapsed - configured delay)
    double senderMbps = 0;   ///< the sender's PeerConnection::sendStats().measuredMbps()
    double receiverMbps = 0; ///< payload bits after the first frame / (last arrival - first arrival)
};

/// One point of the shaping grid: a configured rate and one-way delay, and the stream sent through it.
struct ShapingPoint {
    double rateMbps = 0;      ///< configured rate (0 = unshaped: the loopback's own limit)
    double delayMs = 0;       ///< configured one-way delay
    qint64 frames = 0;        ///< frames in the stream
    qint64 framePayload = 0;  ///< payload bytes of each frame
    qint64 frameWire = 0;     ///< bytes of each frame on the wire (preamble + CBOR header + payload)
    QVector<ShapingRun> runs; ///< one per repeat

    /// Payload bytes of the whole stream.
    qint64 payloadBytes() const { return frames * framePayload; }
    /// The median of one field over the runs.
    double median(double ShapingRun::*field) const;
};

/// Shaping accuracy: a sender PeerConnection shaped with setShaping(rate, burst, delay) sends a stream of
/// equal frames over loopback to a receiver PeerConnection in the same thread; every run opens a fresh pair. The
/// sender queues one frame per pass of the event loop and keeps at most 64 MiB of payload in flight (sent and not
/// yet received), far more than rate x delay, so the shaper always has bytes waiting.
class ShapingBench
{
public:
    /// The grid: every rate x delay with about seconds of data each (frames of 1/16 of it in whole KiB, 16 KiB to
    /// 1 MiB), plus the unshaped point (rate 0, delay 0, 1 GiB in 1 MiB frames) when withUnshaped.
    static QVector<ShapingPoint> grid(const QVector<double> &rates, const QVector<double> &delays, double seconds,
                                      bool withUnshaped);
    /// Runs every point repeats times (point after point, round after round) with the given burst; false and one
    /// line in *error if a run fails.
    static bool run(QVector<ShapingPoint> *points, qint64 burstBytes, int repeats, QString *error);
    /// One frame of a stream: payloadBytes of filler in a RangeResult (the LAN part's streams too).
    static core::Frame streamFrame(qint64 payloadBytes);

private:
    static bool runOnce(const ShapingPoint &point, qint64 burstBytes, ShapingRun *out, QString *error);
};

} // namespace d3::bench
