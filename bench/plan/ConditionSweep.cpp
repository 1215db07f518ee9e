#include "ConditionSweep.h"

#include <cmath>
#include <cstdint>
#include <random>

namespace d3::bench {
namespace {

/// 0..n-1 shuffled by Fisher-Yates driven by mt19937(seed): the same on every standard library.
QVector<int> permutation(int n, std::uint32_t seed)
{
    QVector<int> p(n);
    for (int i = 0; i < n; ++i)
        p[i] = i;
    std::mt19937 rng(seed);
    for (int i = n - 1; i > 0; --i)
        std::swap(p[i], p[int(rng() % std::uint32_t(i + 1))]);
    return p;
}

} // namespace

QJsonObject SweepPoint::toJson() const
{
    QJsonObject o = conditions.toJson();
    o.insert(QStringLiteral("index"), index);
    o.insert(QStringLiteral("device_slowdown"), deviceSlowdown);
    return o;
}

core::Conditions ConditionSweep::base()
{
    core::Conditions c;
    c.bwEdgeEdgeMbps = 1000;
    c.rttDeviceEdgeMs = 5;
    c.rttEdgeCloudMs = 20;
    c.rttEdgeEdgeMs = 0.5;
    c.cloudSpeed = 1.0;
    return c;
}

QVector<SweepPoint> ConditionSweep::latinHypercube(int points)
{
    const int n = std::max(2, points);
    const QVector<int> de = permutation(n, 1), ec = permutation(n, 2), nodes = permutation(n, 3),
                       slow = permutation(n, 4);
    auto level = [n](int k) { return double(k) / double(n - 1); }; // 0 .. 1, both ends included
    QVector<SweepPoint> sweep;
    for (int i = 0; i < n; ++i) {
        SweepPoint s;
        s.index = i;
        s.conditions = base();
        s.conditions.bwDeviceEdgeMbps = std::pow(10.0, 3.0 * level(de[i]));
        s.conditions.bwEdgeCloudMbps = std::pow(10.0, 3.0 * level(ec[i]));
        s.conditions.edgeSpeeds = QVector<double>(1 + int(std::lround(7.0 * level(nodes[i]))), 0.5);
        s.deviceSlowdown = 2.0 * std::pow(10.0, level(slow[i]));
        s.conditions.deviceSpeed = s.conditions.cloudSpeed / s.deviceSlowdown;
        sweep.append(s);
    }
    return sweep;
}

QJsonArray ConditionSweep::toJson(const QVector<SweepPoint> &sweep)
{
    QJsonArray a;
    for (const SweepPoint &s : sweep)
        a.append(s.toJson());
    return a;
}

QString ConditionSweep::describe(int points)
{
    return QStringLiteral(
               "%1 conditions, a deterministic Latin hypercube (each axis at %1 evenly spaced levels, every level "
               "used once, levels paired by fixed-seed shuffles): device->edge 1..1000 Mbit/s and edge->cloud "
               "1..1000 Mbit/s (log-spaced), 1..8 edge nodes, device 2x..20x slower than the cloud (log-spaced). "
               "Fixed: cloud speed 1, every edge node 0.5 (2x slower than the cloud), edge<->edge 1000 Mbit/s, "
               "RTT 5 ms device<->edge, 20 ms edge<->cloud, 0.5 ms edge<->edge.")
        .arg(points);
}

} // namespace d3::bench
