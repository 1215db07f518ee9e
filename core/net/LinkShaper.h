#pragma once

#include <QByteArray>
#include <QList>
#include <QQueue>

namespace d3::core {

/// Link shaping in the sender (docs/PROTOCOL.md, Link shaping), as pure logic on a caller-supplied clock: a token
/// bucket (rate, burst) paces the bytes, then a delay line holds them for the one-way delay before they may be written
/// to the socket. The bucket holds at most the burst while the link is idle; while bytes wait, tokens keep accruing at
/// the rate, so a caller that wakes late (a coarse or busy timer) releases what the link would have carried meanwhile
/// and the long-run rate is exact. Queued bytes are shared, not copied, unless a piece must be cut. Changeable live;
/// the caller's event loop asks when the next bytes are due. Not thread-safe: one connection's thread.
class LinkShaper
{
public:
    /// Largest piece moved into the delay line at once on a rate-limited link (small enough that the socket
    /// buffer stays small). Unlimited links move whole enqueued buffers.
    static constexpr qint64 kChunkBytes = 64 * 1024;
    /// Smallest release worth waking up for on a slow link (the rest of a buffer goes when due, however small).
    static constexpr qint64 kMinWakeBytes = 1024;
    /// Time a wake-up on a fast link is worth: the pacing granularity of a caller with a millisecond timer, ns.
    static constexpr qint64 kWakeNs = 1000000;

    /// An unshaped link (no rate limit, no delay).
    LinkShaper() = default;

    /// Sets the rate (Mbit/s, 0 = unlimited), the burst (bytes that may leave at once after the link was idle;
    /// 0 = none, every byte waits for its tokens as on a real link of that rate) and the one-way delay (ms),
    /// effective for bytes not yet paced; nowNs is the caller's clock.
    void configure(double rateMbps, qint64 burstBytes, double delayMs, qint64 nowNs);
    /// Configured rate in Mbit/s (0 = unlimited).
    double rateMbps() const { return m_rateMbps; }
    /// Configured burst in bytes.
    qint64 burstBytes() const { return m_burst; }
    /// Configured one-way delay in ms.
    double delayMs() const { return m_delayNs / 1e6; }
    /// Lets bytes leave up to earlyNs before their time (0, the default, never early). A caller whose timer wakes
    /// up to one tick late sets half a tick, so that bytes leave within half a tick either side of their time
    /// instead of up to a whole tick after it; the long-run rate stays exact.
    void setEarlyNs(qint64 earlyNs);

    /// Queues bytes to send (shared, not copied).
    void enqueue(const QByteArray &bytes);
    /// Paces what the bucket allows at nowNs into the delay line and returns every piece whose delay has passed,
    /// in order, ready to write (whole enqueued buffers where possible: no copy).
    QList<QByteArray> takeReadyPieces(qint64 nowNs);
    /// takeReadyPieces() as one buffer (copies only when there are several pieces).
    QByteArray takeReady(qint64 nowNs);
    /// When something next becomes ready (ns on the caller's clock), or -1 when nothing is queued. Call
    /// takeReadyPieces(nowNs) or takeReady(nowNs) first: bytes enqueued since then are due at once.
    qint64 nextEventNs(qint64 nowNs) const;
    /// Bytes queued or in the delay line.
    qint64 pendingBytes() const { return m_pacingBytes + m_delayBytes; }
    /// Bytes released so far (for the measured throughput).
    qint64 releasedBytes() const { return m_released; }

private:
    struct Held {
        qint64 releaseNs;
        QByteArray bytes;
    };
    void refill(qint64 nowNs);
    void pace(qint64 nowNs);
    qint64 wakeBytes() const;

    double m_rateMbps = 0;
    double m_bytesPerNs = 0; // 0 = unlimited
    qint64 m_burst = 0;
    qint64 m_delayNs = 0;
    qint64 m_earlyNs = 0;
    double m_tokens = 0; // negative while bytes released early are not yet paid for
    qint64 m_lastRefillNs = 0;
    bool m_backlogged = false;  // bytes were waiting for tokens at the last refill: the bucket is not capped
    QQueue<QByteArray> m_pacing;
    qint64 m_headOffset = 0;    // bytes of m_pacing.head() already paced
    qint64 m_pacingBytes = 0;
    QQueue<Held> m_delay;
    qint64 m_delayBytes = 0;
    qint64 m_lastReleaseNs = 0;
    qint64 m_released = 0;
};

} // namespace d3::core
