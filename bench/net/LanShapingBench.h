#pragma once

#include "NamespaceLan.h"

#include <QString>
#include <QVector>

namespace d3::bench {

/// Configured against delivered throughput of one shaper at one rate across the namespace LAN.
struct LanRatePoint {
    QString shaper;                ///< "process" (LinkShaper) or "kernel" (KernelShaper: htb on the sender's eth0)
    double rateMbps = 0;           ///< configured
    qint64 framePayload = 0;       ///< payload bytes of each frame
    QVector<double> deliveredMbps; ///< one per repeat: the slope of frame bytes arrived against arrival time
};

/// A live rate change in the middle of a stream, for one shaper.
struct LanChangePoint {
    QString shaper;            ///< as LanRatePoint
    double fromMbps = 0;       ///< rate before the change
    double toMbps = 0;         ///< rate after it
    QVector<double> settleMs;  ///< one per repeat: from the change until every 200 ms window starting within the
                               ///< next 500 ms delivers within 5% of the rate held afterwards (-1: never)
    QVector<double> heldMbps;  ///< one per repeat: the rate delivered over the last second after the change
    QVector<bool> survived;    ///< one per repeat: the same connection carried every frame, in order, to the end
};

/// The two shapers across two network namespaces joined by a veth pair (NamespaceLan): the sender, in the
/// calling thread, enters the sender's namespace; the receiver runs in a ReceiverThread in the receiver's
/// namespace, over one authenticated PeerConnection each run. The process shaper is PeerConnection::setShaping
/// (burst 0, no delay); the kernel shaper is the worker's own KernelShaper (an htb class on the sender's eth0, a
/// live change `tc class change`). Needs root.
class LanShapingBench
{
public:
    /// Runs every shaper at every rate (seconds of data each), then each change (from -> to, seconds before it and
    /// seconds + 1 after it), repeats times, interleaved round by round; false with one line in *error.
    static bool run(const NamespaceLan &lan, const QVector<double> &rates, const QVector<QPair<double, double>> &changes,
                    double seconds, int repeats, QVector<LanRatePoint> *ratePoints, QVector<LanChangePoint> *changePoints,
                    QString *error);
};

} // namespace d3::bench
