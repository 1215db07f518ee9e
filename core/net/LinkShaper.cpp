#include "LinkShaper.h"

#include <algorithm>
#include <cmath>

namespace d3::core {

void LinkShaper::configure(double rateMbps, qint64 burstBytes, double delayMs, qint64 nowNs)
{
    refill(nowNs);
    m_rateMbps = std::max(0.0, rateMbps);
    m_bytesPerNs = m_rateMbps * 1e6 / 8.0 / 1e9;
    m_burst = std::max(burstBytes, kChunkBytes);
    m_tokens = std::min(m_tokens, double(m_burst));
    m_delayNs = qint64(std::max(0.0, delayMs) * 1e6);
}

void LinkShaper::enqueue(const QByteArray &bytes)
{
    for (qsizetype at = 0; at < bytes.size(); at += kChunkBytes) {
        m_pacing.enqueue(bytes.mid(at, kChunkBytes));
        m_pacingBytes += m_pacing.last().size();
    }
}

void LinkShaper::refill(qint64 nowNs)
{
    if (nowNs > m_lastRefillNs && m_bytesPerNs > 0)
        m_tokens = std::min(double(m_burst), m_tokens + double(nowNs - m_lastRefillNs) * m_bytesPerNs);
    m_lastRefillNs = std::max(m_lastRefillNs, nowNs);
}

qint64 LinkShaper::tokensNeededWaitNs(qint64 bytes) const
{
    if (m_bytesPerNs <= 0 || m_tokens >= double(bytes))
        return 0;
    return qint64(std::ceil((double(bytes) - m_tokens) / m_bytesPerNs));
}

QByteArray LinkShaper::takeReady(qint64 nowNs)
{
    refill(nowNs);
    while (!m_pacing.isEmpty() && tokensNeededWaitNs(m_pacing.head().size()) == 0) {
        QByteArray chunk = m_pacing.dequeue();
        m_pacingBytes -= chunk.size();
        if (m_bytesPerNs > 0)
            m_tokens -= double(chunk.size());
        // FIFO even when the delay was just lowered: never release before an earlier chunk.
        const qint64 release = std::max(nowNs + m_delayNs, m_lastReleaseNs);
        m_lastReleaseNs = release;
        m_delayBytes += chunk.size();
        m_delay.enqueue({release, std::move(chunk)});
    }
    QByteArray ready;
    while (!m_delay.isEmpty() && m_delay.head().releaseNs <= nowNs) {
        Held held = m_delay.dequeue();
        m_delayBytes -= held.bytes.size();
        ready.append(held.bytes);
    }
    m_released += ready.size();
    return ready;
}

qint64 LinkShaper::nextEventNs(qint64 nowNs) const
{
    qint64 next = -1;
    if (!m_delay.isEmpty())
        next = m_delay.head().releaseNs;
    if (!m_pacing.isEmpty()) {
        double tokens = m_tokens;
        if (m_bytesPerNs > 0 && nowNs > m_lastRefillNs)
            tokens = std::min(double(m_burst), tokens + double(nowNs - m_lastRefillNs) * m_bytesPerNs);
        const double missing = double(m_pacing.head().size()) - tokens;
        const qint64 paced = (m_bytesPerNs <= 0 || missing <= 0) ? nowNs : nowNs + qint64(std::ceil(missing / m_bytesPerNs));
        next = next < 0 ? paced : std::min(next, paced);
    }
    return next;
}

} // namespace d3::core
