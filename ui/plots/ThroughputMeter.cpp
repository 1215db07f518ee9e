#include "ThroughputMeter.h"

#include <algorithm>

namespace d3::ui {

void ThroughputMeter::add(const core::RequestRecord &record)
{
    const double arrived = record.arrivalMs > 0 ? std::min(record.arrivalMs, record.startMs) : record.startMs;
    if (m_firstMs < 0 || arrived < m_firstMs)
        m_firstMs = arrived;
    if (!record.completed || record.probe)
        return;
    const double end = record.startMs + record.endToEndMs;
    m_ends.insert(std::upper_bound(m_ends.begin(), m_ends.end(), end), end); // in order, a late one at its place
    while (!m_ends.empty() && m_ends.front() <= m_ends.back() - kWindowMs)
        m_ends.pop_front();
}

void ThroughputMeter::clear()
{
    m_ends.clear();
    m_firstMs = -1;
}

double ThroughputMeter::perSecond() const
{
    if (m_ends.size() < 2)
        return 0;
    const double span = std::min(kWindowMs, m_ends.back() - m_firstMs);
    return span > 0 ? double(m_ends.size()) / (span / 1000.0) : 0;
}

} // namespace d3::ui
