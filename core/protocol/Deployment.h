#pragma once

#include "StageKind.h"
#include "codec/WireCodec.h"
#include "graph/ModelGraph.h"
#include "plan/PlanLink.h"
#include "plan/Plan.h"
#include "tiling/TileGeometry.h"

#include <QCborMap>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace d3::core {

/// One plan placed on named workers, as the controller and every worker see it (the Deploy message): which worker
/// runs which layers of a request and where each result goes. A request flows device [0, p) -> edge [p, q) (the
/// fused stack [p, stackEnd) as tiles on the tile nodes, stitched on the edge node) -> cloud [q, n) -> device.
/// The links are those of the three tiers: device <-> edge, edge <-> edge, edge <-> cloud; what goes between device
/// and cloud is relayed by the plan's edge node, as the cost model charges it (directly when no edge worker is
/// left: a two-tier cluster). Immutable once made; every rule of
/// the data plane is answered here, so workers and controller agree.
class Deployment
{
public:
    /// Plans each end keeps, the latest: a request in flight finishes on the plan it began with, and re-plans,
    /// probes and dragged cuts do not pile up.
    static constexpr int kKept = 8;
    /// What a stage is (core::StageKind).
    using StageKind = core::StageKind;
    /// Layers [a, b) of every request run on one node (for Tiles: the node that stitches; tiles run on tileNode()).
    struct Stage {
        StageKind kind = StageKind::Device;
        int a = 0;       ///< first layer (the cut whose crossing tensors it reads)
        int b = 0;       ///< one past the last layer
        QString node;    ///< worker name
    };
    /// One message of a request between two different workers.
    struct Transfer {
        QString from;    ///< sending worker
        QString to;      ///< receiving worker
        DataKind kind = DataKind::Cut; ///< what travels (a relayed message keeps its kind)
        int at = 0;      ///< the cut whose crossing tensors travel (tiles: the stack's first cut or its end)
        int tile = -1;   ///< tile index for tile_in / tile_out
        bool relayed = false; ///< to is the relay, which passes it on (the next transfer)
    };

    /// Places plan on the workers: edges[i] is the worker of the plan's edge node index i; addresses maps every
    /// worker name to "host:port" for worker-to-worker connections. nullopt with one line in *why if the plan does
    /// not fit the model (cuts, stack, grid, node indices) or a name or address is missing.
    static std::optional<Deployment> make(const ModelGraph &graph, quint64 planId, const Plan &plan, QString device,
                                          QStringList edges, QString cloud, QMap<QString, QString> addresses,
                                          QString *why);
    /// The Deploy message's header fields.
    QCborMap toCbor() const;
    /// Reads a Deploy header, validating it like make().
    static std::optional<Deployment> fromCbor(const ModelGraph &graph, const QCborMap &map, QString *why);

    /// Identifies the plan in every message of a request, so requests in flight finish on the plan they began with.
    quint64 planId() const { return m_planId; }
    /// The cuts, stack, grid and node indices.
    const Plan &plan() const { return m_plan; }
    /// The device worker (where requests start and results return).
    const QString &device() const { return m_device; }
    /// The cloud worker.
    const QString &cloud() const { return m_cloud; }
    /// Edge workers by the plan's edge node index.
    const QStringList &edges() const { return m_edges; }
    /// The edge worker that runs the untiled edge layers and stitches the tiles.
    QString stitcher() const { return m_edges.value(m_plan.edgeNode); }
    /// The worker computing tile t (row-major).
    QString tileNode(int t) const { return m_edges.value(m_plan.tileNodes.value(t)); }
    /// "host:port" of a worker ("" if unknown).
    QString address(const QString &name) const { return m_addresses.value(name); }
    /// The worker that relays between device and cloud (the plan's edge node).
    QString relay() const { return stitcher(); }
    /// The link a message from worker from to worker to (a hop: firstHop() applied) crosses.
    PlanLink linkOf(const QString &from, const QString &to) const;
    /// The codec of the hop from worker from to worker to. A relay passes a message on as it came when the next hop
    /// uses the same codec, else decodes it and encodes it for the next hop.
    WireCodec codecOf(const QString &from, const QString &to) const { return m_plan.codec(linkOf(from, to)); }
    /// Where a message from worker from to worker to goes first: to itself over a link of the tiers (or with no
    /// edge worker), else the relay.
    QString firstHop(const QString &from, const QString &to) const;
    /// The tile geometry of the stack (tiled plans only).
    const TileGeometry *geometry() const { return m_geometry.get(); }
    /// Number of layers n.
    int layerCount() const { return m_layers; }

    /// The stages with work, in request order (empty ranges left out).
    const QVector<Stage> &stages() const { return m_stages; }
    /// The stage that reads the tensors crossing cut at, or nullptr when at is n (the result goes to the device).
    const Stage *stageAt(int at) const;
    /// Every message between two different workers that one request causes, in order.
    QVector<Transfer> transfers() const;
    /// The hop reports a request yields: one per range computed, one per tile, one per transfer, one per compressed
    /// message decoded.
    int expectedReports() const;
    /// Distinct workers taking part in a request.
    QStringList participants() const;
    /// The workers this one sends to (for connecting ahead of the first request).
    QStringList nextHops(const QString &node) const;

private:
    quint64 m_planId = 0;
    Plan m_plan;
    QString m_device;
    QString m_cloud;
    QStringList m_edges;
    QMap<QString, QString> m_addresses;
    std::shared_ptr<const TileGeometry> m_geometry;
    int m_layers = 0;
    QVector<Stage> m_stages;
};

} // namespace d3::core
