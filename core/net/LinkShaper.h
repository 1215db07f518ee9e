#pragma once

#include <QByteArray>
#include <QQueue>

namespace d3::core {

/// Link shaping in the sender (DESIGN.md section 5), as pure logic on a caller-supplied clock: a token bucket
/// (rate, burst) paces the bytes in chunks, then a delay line holds each chunk for the one-way delay before it may
/// be written to the socket. Changeable live; the caller's event loop asks when the next chunk is due. Not
/// thread-safe: one connection's thread.
class LinkShaper
{
public:
    /// Largest chunk paced at once (small enough that the socket buffer stays small).
    static constexpr qint64 kChunkBytes = 64 * 1024;

    /// An unshaped link (no rate limit, no delay).
    LinkShaper() = default;

    /// Sets the rate (Mbit/s, 0 = unlimited), the burst (bytes, at least one chunk) and the one-way delay (ms),
    /// effective for bytes not yet paced; nowNs is the caller's clock.
    void configure(double rateMbps, qint64 burstBytes, double delayMs, qint64 nowNs);
    /// Configured rate in Mbit/s (0 = unlimited).
    double rateMbps() const { return m_rateMbps; }
    /// Configured one-way delay in ms.
    double delayMs() const { return m_delayNs / 1e6; }

    /// Queues bytes to send.
    void enqueue(const QByteArray &bytes);
    /// Moves what the bucket allows at nowNs into the delay line and returns every chunk whose delay has passed,
    /// in order, ready to write.
    QByteArray takeReady(qint64 nowNs);
    /// When something next becomes ready (ns on the caller's clock), or -1 when nothing is queued.
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
    qint64 tokensNeededWaitNs(qint64 bytes) const;

    double m_rateMbps = 0;
    double m_bytesPerNs = 0; // 0 = unlimited
    qint64 m_burst = kChunkBytes;
    qint64 m_delayNs = 0;
    double m_tokens = kChunkBytes;
    qint64 m_lastRefillNs = 0;
    QQueue<QByteArray> m_pacing;
    qint64 m_pacingBytes = 0;
    QQueue<Held> m_delay;
    qint64 m_delayBytes = 0;
    qint64 m_lastReleaseNs = 0;
    qint64 m_released = 0;
};

} // namespace d3::core
