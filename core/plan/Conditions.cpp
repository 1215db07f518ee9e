#include "Conditions.h"

#include <QJsonArray>

#include <cmath>

namespace d3::core {

int Conditions::fastestEdgeNode() const
{
    int best = -1;
    for (int i = 0; i < edgeSpeeds.size(); ++i) {
        if (best < 0 || edgeSpeeds[i] > edgeSpeeds[best])
            best = i;
    }
    return best;
}

QString Conditions::validate() const
{
    const struct {
        const char *name;
        double value;
        bool strict;
    } values[] = {
        {"bandwidth device->edge (--bw-de)", bwDeviceEdgeMbps, true},
        {"bandwidth edge->cloud (--bw-ec)", bwEdgeCloudMbps, true},
        {"bandwidth edge<->edge (--bw-ee)", bwEdgeEdgeMbps, true},
        {"rtt device<->edge (--rtt-de)", rttDeviceEdgeMs, false},
        {"rtt edge<->cloud (--rtt-ec)", rttEdgeCloudMs, false},
        {"rtt edge<->edge (--rtt-ee)", rttEdgeEdgeMs, false},
        {"device speed (--speeds device=F)", deviceSpeed, true},
        {"cloud speed (--speeds cloud=F)", cloudSpeed, true},
        {"tile efficiency", tileEfficiency, true},
    };
    for (const auto &v : values) {
        if (!std::isfinite(v.value) || v.value < 0 || (v.strict && v.value == 0))
            return QStringLiteral("%1 must be %2, got %3")
                .arg(QString::fromLatin1(v.name), v.strict ? QStringLiteral("positive") : QStringLiteral("non-negative"))
                .arg(v.value);
    }
    if (edgeSpeeds.isEmpty() || edgeSpeeds.size() > 64)
        return QStringLiteral("edge nodes (--edge-nodes) must be 1..64, got %1").arg(edgeSpeeds.size());
    for (double s : edgeSpeeds) {
        if (!std::isfinite(s) || s <= 0)
            return QStringLiteral("edge speed (--speeds edge=F) must be positive, got %1").arg(s);
    }
    return {};
}

QJsonObject Conditions::toJson() const
{
    QJsonArray edges;
    for (double s : edgeSpeeds)
        edges.append(s);
    return {
        {QStringLiteral("bw_de_mbps"), bwDeviceEdgeMbps},
        {QStringLiteral("bw_ec_mbps"), bwEdgeCloudMbps},
        {QStringLiteral("bw_ee_mbps"), bwEdgeEdgeMbps},
        {QStringLiteral("rtt_de_ms"), rttDeviceEdgeMs},
        {QStringLiteral("rtt_ec_ms"), rttEdgeCloudMs},
        {QStringLiteral("rtt_ee_ms"), rttEdgeEdgeMs},
        {QStringLiteral("device_speed"), deviceSpeed},
        {QStringLiteral("cloud_speed"), cloudSpeed},
        {QStringLiteral("edge_speeds"), edges},
        {QStringLiteral("edge_nodes"), edgeNodes()},
        {QStringLiteral("tile_efficiency"), tileEfficiency},
    };
}

} // namespace d3::core
