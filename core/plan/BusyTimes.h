#pragma once

#include "PlanLink.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace d3::core {

/// How long one request keeps each resource of a plan busy, in ms (docs/ARCHITECTURE.md, Planning for streams):
/// a worker's compute thread (its layers, tiles and codec work, one after another) and a link's serialization (wire
/// bytes / bandwidth; the link's delay adds latency, not busy time). In a stream the busiest resource sets the rate.
struct BusyTimes {
    double device = 0;                      ///< the device's compute thread
    QVarLengthArray<double, 8> edge;        ///< each edge node's compute thread, by edge node index (absent: idle)
    double cloud = 0;                       ///< the cloud's compute thread
    std::array<double, kPlanLinks> links{}; ///< each link's serialization, PlanLink order (its busiest directed link)

    /// Edge node node's busy time, for adding to (the nodes before it are added idle).
    double &edgeNode(int node)
    {
        while (edge.size() <= node)
            edge.append(0.0);
        return edge[node];
    }
    /// Adds o's busy times resource by resource (links: the busier of each).
    void add(const BusyTimes &o)
    {
        device += o.device;
        cloud += o.cloud;
        for (qsizetype i = 0; i < o.edge.size(); ++i)
            edgeNode(int(i)) += o.edge[i];
        for (size_t i = 0; i < links.size(); ++i)
            links[i] = std::max(links[i], o.links[i]);
    }
    /// The name of edge node node's compute thread: "edge:N" with N the plan's edge node index (Plan's "edge_node" and
    /// "tile_nodes").
    static QString edgeName(int node) { return QStringLiteral("edge:%1").arg(node); }

    /// Number of resources: the device, the cloud, the five links and each edge node listed.
    int count() const { return 2 + kPlanLinks + int(edge.size()); }
    /// Resource r's busy ms, in request order: device, uplink, the edge nodes, gather, backbone, cloud, return,
    /// downlink.
    double at(int r) const
    {
        const int e = int(edge.size());
        if (r == 0)
            return device;
        if (r >= 2 && r < 2 + e)
            return edge[r - 2];
        const int link = linkAt(r);
        return link < 0 ? cloud : links[size_t(link)];
    }
    /// Resource r's name: "device", "cloud", a link's name (planLinkName) or edgeName(node).
    QString name(int r) const
    {
        const int e = int(edge.size());
        if (r == 0)
            return QStringLiteral("device");
        if (r >= 2 && r < 2 + e)
            return edgeName(r - 2);
        const int link = linkAt(r);
        return link < 0 ? QStringLiteral("cloud") : planLinkName(PlanLink(link));
    }
    /// The busiest resource (the first in request order of equals).
    int busiest() const
    {
        int best = 0;
        for (int r = 1; r < count(); ++r)
            if (at(r) > at(best))
                best = r;
        return best;
    }
    /// The PlanLink of resource r (neither the device nor an edge node), or -1 for the cloud.
    int linkAt(int r) const
    {
        if (r == 1)
            return int(PlanLink::Uplink);
        constexpr std::array<int, 5> kAfterEdges{int(PlanLink::Gather), int(PlanLink::Backbone), -1,
                                                 int(PlanLink::Return), int(PlanLink::Downlink)};
        return kAfterEdges[size_t(r - 2 - int(edge.size()))];
    }
    /// {resource name: ms} for every resource with work.
    QJsonObject toJson() const
    {
        QJsonObject o;
        for (int r = 0; r < count(); ++r)
            if (at(r) > 0)
                o.insert(name(r), at(r));
        return o;
    }
};

} // namespace d3::core
