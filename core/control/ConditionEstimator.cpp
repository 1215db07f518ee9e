#include "ConditionEstimator.h"

#include <algorithm>
#include <cmath>

namespace d3::core {

void ConditionEstimator::setNodes(const QString &device, const QStringList &edges, const QString &cloud)
{
    m_device = device;
    m_edges = edges;
    m_cloud = cloud;
}

void ConditionEstimator::setSpeed(const QString &node, double speed)
{
    if (speed > 0 && std::isfinite(speed))
        m_speed.insert(node, speed / m_learnt.value(node, 1.0));
}

void ConditionEstimator::configureLink(const QString &from, const QString &to, double mbps, double delayMs)
{
    m_links.insert(key(from, to), {mbps > 0 ? mbps : kUnlimitedMbps, std::max(0.0, delayMs)});
}

double ConditionEstimator::update(double average, double sample) const
{
    if (std::abs(sample - average) > 0.5 * average) // a step change: start again from it
        return sample;
    return (1 - m_weight) * average + m_weight * sample;
}

void ConditionEstimator::observeCompute(const QString &node, double referenceMs, double measuredMs)
{
    if (referenceMs <= 0.05 || measuredMs <= 0.05) // too short to say anything
        return;
    const double learnt = m_learnt.value(node, 1.0);
    const double ratio = (referenceMs / measuredMs) / speed(node); // 1 when it ran as expected
    m_learnt.insert(node, update(learnt, learnt * ratio));
}

void ConditionEstimator::observeTile(double expectedMs, double measuredMs)
{
    if (expectedMs > 0.05 && measuredMs > 0.05)
        m_tileEfficiency = update(m_tileEfficiency, expectedMs / measuredMs);
}

void ConditionEstimator::observeTransfer(const QString &from, const QString &to, qint64 bytes, double ms)
{
    Link &link = m_links[key(from, to)];
    const double wireMs = ms - link.delayMs;
    // Small messages and shaping bursts say little about the rate: only what took a while on the wire counts.
    if (bytes < 64 * 1024 || wireMs < 1.0)
        return;
    link.mbps = std::min(kUnlimitedMbps, update(link.mbps, bytes * 8.0 / (wireMs * 1e3)));
}

double ConditionEstimator::rate(const QString &from, const QString &to) const
{
    return m_links.value(key(from, to)).mbps;
}

double ConditionEstimator::tier(const QStringList &from, const QStringList &to, bool delay) const
{
    double value = delay ? 0 : kUnlimitedMbps;
    for (const QString &a : from)
        for (const QString &b : to) {
            if (a == b)
                continue;
            const Link link = m_links.value(key(a, b));
            value = delay ? std::max(value, link.delayMs) : std::min(value, link.mbps);
        }
    return value;
}

Conditions ConditionEstimator::conditions() const
{
    Conditions c;
    const QStringList device{m_device}, cloud{m_cloud};
    c.bwDeviceEdgeMbps = std::min(tier(device, m_edges, false), tier(m_edges, device, false));
    c.rttDeviceEdgeMs = 2 * std::max(tier(device, m_edges, true), tier(m_edges, device, true));
    c.bwEdgeCloudMbps = std::min(tier(m_edges, cloud, false), tier(cloud, m_edges, false));
    c.rttEdgeCloudMs = 2 * std::max(tier(m_edges, cloud, true), tier(cloud, m_edges, true));
    c.bwEdgeEdgeMbps = tier(m_edges, m_edges, false);
    c.rttEdgeEdgeMs = 2 * tier(m_edges, m_edges, true);
    c.deviceSpeed = speed(m_device);
    c.cloudSpeed = speed(m_cloud);
    c.tileEfficiency = m_tileEfficiency;
    c.edgeSpeeds.clear();
    for (const QString &e : m_edges)
        c.edgeSpeeds.append(speed(e));
    if (c.edgeSpeeds.isEmpty()) // no edge alive: the cost model still wants one; plans keep p == q
        c.edgeSpeeds.append(speed(m_cloud));
    return c;
}

double ConditionEstimator::drift(const Conditions &a, const Conditions &b)
{
    auto rel = [](double x, double y) { return std::abs(x - y) / std::max(1e-9, std::min(x, y)); };
    double d = std::max({rel(a.bwDeviceEdgeMbps, b.bwDeviceEdgeMbps), rel(a.bwEdgeCloudMbps, b.bwEdgeCloudMbps),
                         rel(a.bwEdgeEdgeMbps, b.bwEdgeEdgeMbps), rel(a.deviceSpeed, b.deviceSpeed),
                         rel(a.cloudSpeed, b.cloudSpeed), rel(a.tileEfficiency, b.tileEfficiency),
                         rel(a.rttDeviceEdgeMs + 1, b.rttDeviceEdgeMs + 1),
                         rel(a.rttEdgeCloudMs + 1, b.rttEdgeCloudMs + 1)});
    if (a.edgeSpeeds.size() != b.edgeSpeeds.size())
        return 1e9;
    for (int i = 0; i < a.edgeSpeeds.size(); ++i)
        d = std::max(d, rel(a.edgeSpeeds[i], b.edgeSpeeds[i]));
    return d;
}

} // namespace d3::core
