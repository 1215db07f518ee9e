#pragma once

#include "PlanLink.h"
#include "codec/WireCodec.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace d3::core {

/// Where a DNN runs: device [0, p), edge [p, q), cloud [q, n); optionally the edge's fused stack [p, stackEnd)
/// cut into rows x cols tiles computed by several edge nodes.
struct Plan {
    int p = 0;              ///< device | edge cut
    int q = 0;              ///< edge | cloud cut
    int stackEnd = -1;      ///< end of the tiled stack, or -1 when the edge range runs untiled on one node
    int rows = 1;           ///< tile grid rows
    int cols = 1;           ///< tile grid columns
    QVector<int> tileNodes; ///< per tile (row-major): the edge node computing it
    int edgeNode = 0;       ///< the edge node that runs the untiled edge layers and stitches the tiles
    /// The wire codec of each link's transfers (PlanLink order); chosen by the cost model (CostModel::withCodecs),
    /// none unless a transfer is faster compressed.
    std::array<WireCodec, kPlanLinks> codecs{};

    /// The codec of link's transfers.
    WireCodec codec(PlanLink link) const { return codecs[size_t(link)]; }
    /// True when some link compresses.
    bool compresses() const;
    /// "uplink zero, backbone shuffle-zstd" (links that compress only), "" when none does.
    QString describeCodecs() const;

    /// True when the edge runs a stack as tiles.
    bool tiled() const { return stackEnd > p; }
    /// Number of distinct edge nodes computing tiles (1 when untiled).
    int tileNodeCount() const;
    /// "p=7 q=14 tiles 2x2 of [7, 12) on 3 nodes" style summary, then "; uplink zero" for links that compress.
    QString describe() const;
    /// The tiers that compute, of a model of layers layers: "device", "edge", "cloud" joined by '+'
    /// ("device+edge+cloud"); the device computes [0, p), the edge [p, q), the cloud [q, layers).
    QString tiers(int layers) const;
    /// A short label for plots ("3-tier, 2x2 tiles", "cloud only", "device+edge").
    QString shortLabel(int layers) const;
    /// The plan as JSON ("cuts", "grid", "stack", "tile_nodes", "edge_node", "codecs": {link: codec name}).
    QJsonObject toJson() const;
    /// Same cuts, stack and grid (the node mapping aside).
    bool sameShape(const Plan &o) const
    {
        return p == o.p && q == o.q && stackEnd == o.stackEnd && rows == o.rows && cols == o.cols;
    }
    /// Same shape on the same nodes (tiles and the stitching edge node) with the same codecs: nothing to redeploy.
    bool samePlacement(const Plan &o) const
    {
        return sameShape(o) && tileNodes == o.tileNodes && edgeNode == o.edgeNode && codecs == o.codecs;
    }
};

} // namespace d3::core
