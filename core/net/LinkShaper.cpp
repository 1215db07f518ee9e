#include "LinkShaper.h"

#include <algorithm>
#include <cmath>

namespace d3::core {

void LinkShaper::configure(double rateMbps, qint64 burstBytes, double delayMs, qint64 nowNs)
{
    refill(nowNs);
    const bool wasUnlimited = m_bytesPerNs <= 0;
    m_rateMbps = std::max(0.0, rateMbps);
    m_bytesPerNs = m_rateMbps * 1e6 / 8.0 / 1e9;
    m_burst = std::max<qint64>(0, burstBytes);
    if (wasUnlimited)
        m_tokens = double(m_burst); // an unlimited link was idle with a full bucket
    else if (!m_backlogged)
        m_tokens = std::min(m_tokens, double(m_burst));
    m_delayNs = qint64(std::max(0.0, delayMs) * 1e6);
}

void LinkShaper::setEarlyNs(qint64 earlyNs)
{
    m_earlyNs = std::max<qint64>(0, earlyNs);
}

void LinkShaper::enqueue(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_pacing.enqueue(bytes);
    m_pacingBytes += bytes.size();
}

void LinkShaper::refill(qint64 nowNs)
{
    if (nowNs > m_lastRefillNs && m_bytesPerNs > 0) {
        m_tokens += double(nowNs - m_lastRefillNs) * m_bytesPerNs;
        // The cap applies to an idle link only: while bytes wait, the link is busy and a late caller must not
        // lose the time it carried them.
        if (!m_backlogged)
            m_tokens = std::min(m_tokens, double(m_burst));
    }
    m_lastRefillNs = std::max(m_lastRefillNs, nowNs);
    m_backlogged = m_pacingBytes > 0;
}

qint64 LinkShaper::wakeBytes() const
{
    const qint64 perWake = std::clamp<qint64>(qint64(m_bytesPerNs * double(kWakeNs)), kMinWakeBytes, kChunkBytes);
    return std::min(perWake, m_pacing.head().size() - m_headOffset);
}

void LinkShaper::pace(qint64 nowNs)
{
    const double early = m_bytesPerNs * double(m_earlyNs); // tokens that may be spent before they accrue
    while (m_pacingBytes > 0) {
        const QByteArray &head = m_pacing.head();
        const qint64 left = head.size() - m_headOffset;
        qint64 n = left;
        qint64 dueNs = nowNs; // when the link has carried the piece
        if (m_bytesPerNs > 0) {
            if (m_tokens + early < double(wakeBytes()))
                break;
            n = std::min({left, kChunkBytes, qint64(m_tokens + early)});
            m_tokens -= double(n);
            if (m_tokens < 0)
                dueNs += qint64(std::ceil(-m_tokens / m_bytesPerNs));
        }
        QByteArray piece = (m_headOffset == 0 && n == left) ? head : head.mid(m_headOffset, n);
        m_headOffset += n;
        if (m_headOffset == head.size()) {
            m_pacing.dequeue();
            m_headOffset = 0;
        }
        m_pacingBytes -= n;
        // FIFO even when the delay was just lowered: never release before an earlier piece.
        const qint64 release = std::max(dueNs + m_delayNs, m_lastReleaseNs);
        m_lastReleaseNs = release;
        m_delayBytes += n;
        m_delay.enqueue({release, std::move(piece)});
    }
    if (m_pacingBytes == 0) {
        m_backlogged = false;
        m_tokens = std::min(m_tokens, double(m_burst));
    }
}

QList<QByteArray> LinkShaper::takeReadyPieces(qint64 nowNs)
{
    refill(nowNs);
    pace(nowNs);
    QList<QByteArray> ready;
    while (!m_delay.isEmpty() && m_delay.head().releaseNs <= nowNs + m_earlyNs) {
        Held held = m_delay.dequeue();
        m_delayBytes -= held.bytes.size();
        m_released += held.bytes.size();
        ready.append(std::move(held.bytes));
    }
    return ready;
}

QByteArray LinkShaper::takeReady(qint64 nowNs)
{
    const QList<QByteArray> pieces = takeReadyPieces(nowNs);
    if (pieces.size() == 1)
        return pieces.first();
    QByteArray ready;
    qsizetype size = 0;
    for (const QByteArray &piece : pieces)
        size += piece.size();
    ready.reserve(size);
    for (const QByteArray &piece : pieces)
        ready.append(piece);
    return ready;
}

qint64 LinkShaper::nextEventNs(qint64 nowNs) const
{
    qint64 next = -1;
    if (!m_delay.isEmpty())
        next = std::max(nowNs, m_delay.head().releaseNs - m_earlyNs);
    if (m_pacingBytes > 0) {
        // Bytes enqueued since the last takeReady (not yet backlogged) are due at once: takeReady starts them.
        qint64 paced = nowNs;
        if (m_bytesPerNs > 0 && m_backlogged) {
            const double tokens = m_tokens + double(std::max<qint64>(0, nowNs - m_lastRefillNs)) * m_bytesPerNs;
            const double missing = double(wakeBytes()) - tokens - m_bytesPerNs * double(m_earlyNs);
            if (missing > 0)
                paced = nowNs + qint64(std::ceil(missing / m_bytesPerNs));
        }
        next = next < 0 ? paced : std::min(next, paced);
    }
    return next;
}

} // namespace d3::core
