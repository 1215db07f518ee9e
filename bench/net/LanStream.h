#pragma once

#include "NamespaceLan.h"
#include "net/Frame.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace d3::worker {
class KernelShaper;
}

namespace d3::bench {

class LoopbackPeers;
class ReceiverThread;

/// One authenticated PeerConnection across the namespace LAN (the sender in the calling thread, in the sender's
/// namespace; the receiver in thread, in the receiver's) with one shaper on the sender, "process" (setShaping) or
/// "kernel" (the worker's KernelShaper), a stream of equal frames through it and every frame's arrival time. Part 3
/// of d3bench_net (LanShapingBench).
class LanStream
{
public:
    /// A stream of frames of framePayload bytes through shaper; nothing is opened yet.
    LanStream(const NamespaceLan &lan, ReceiverThread &thread, const QString &shaper, qint64 framePayload);
    /// Removes the kernel's qdisc first, then closes both ends.
    ~LanStream();
    LanStream(const LanStream &) = delete;
    LanStream &operator=(const LanStream &) = delete;

    /// Opens the connection and shapes it at rateMbps; false with one line in *error.
    bool open(double rateMbps, QString *error);
    /// The sender's rate from now on (the process shaper's configure, or `tc class change`); false with *error.
    bool setRate(double rateMbps, QString *error);
    /// Sends until frames were sent or stop() holds, keeping about 250 ms of data at the current rate in flight (at
    /// least 256 KiB), and waits for every frame to arrive; onTick runs every millisecond on the sender's side first
    /// (a live change) and stops the stream with its error when it fails. False with one line in *error.
    bool stream(qint64 frames, const std::function<bool()> &stop, const std::function<bool(QString *)> &onTick,
                QString *error);

    /// Arrival times (ns on the stream's clock), in order.
    std::vector<qint64> arrivals();
    /// Bytes of each frame on the wire.
    qint64 wireBytes() const { return m_wire; }
    /// When the sender stopped sending (ns on the stream's clock).
    qint64 stopNs() const { return m_stopNs; }
    /// Now on the stream's clock.
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    /// Both ends are still open and every frame sent arrived.
    bool survived();

private:
    const NamespaceLan &m_lan;
    ReceiverThread &m_thread;
    bool m_kernel;
    core::Frame m_frame;
    qint64 m_wire = 0;
    double m_rateMbps = 0;
    std::unique_ptr<LoopbackPeers> m_peers;
    std::unique_ptr<worker::KernelShaper> m_shaper;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    std::vector<qint64> m_arrivals;
    std::atomic<qint64> m_received{0};
    qint64 m_sent = 0;
    qint64 m_stopNs = -1;
};

} // namespace d3::bench
