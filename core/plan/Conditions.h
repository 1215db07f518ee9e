#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace d3::core {

/// The network and compute conditions a plan is made for. Bandwidths in Mbit/s, round-trip times in ms, speeds
/// relative to the layer costs' reference (time on a tier = reference time / speed; 0.1 = ten times slower).
struct Conditions {
    double bwDeviceEdgeMbps = 100;  ///< device <-> edge link (uplink of inputs, return of results)
    double bwEdgeCloudMbps = 50;    ///< edge <-> cloud link: the backbone
    double bwEdgeEdgeMbps = 1000;   ///< between edge nodes (gathering tiles)
    double rttDeviceEdgeMs = 5;     ///< device <-> edge round trip
    double rttEdgeCloudMs = 20;     ///< edge <-> cloud round trip
    double rttEdgeEdgeMs = 0.5;     ///< edge <-> edge round trip
    double deviceSpeed = 0.1;       ///< relative speed of the device
    double cloudSpeed = 1.0;        ///< relative speed of the cloud
    QVector<double> edgeSpeeds = QVector<double>(3, 0.5); ///< relative speed of each edge node (its size is the node count)
    /// How fast a tile runs against its share of the stack's layer costs (1 = as fast; small tiles of wide
    /// convolutions run less efficiently, d3bench_tiling): tile times are divided by it. Learnt by the controller.
    double tileEfficiency = 1.0;

    /// Number of edge nodes.
    int edgeNodes() const { return edgeSpeeds.size(); }
    /// Index of the fastest edge node (the first of equals), or -1 without edge nodes.
    int fastestEdgeNode() const;
    /// Empty if every value is usable (positive bandwidths and speeds, non-negative RTTs, 1..64 edge nodes),
    /// else one line naming the offending value.
    QString validate() const;
    /// The conditions as JSON (for reports).
    QJsonObject toJson() const;
};

} // namespace d3::core
