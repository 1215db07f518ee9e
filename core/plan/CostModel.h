#pragma once

#include "CodecCosts.h"
#include "Conditions.h"
#include "CostBreakdown.h"
#include "LayerCosts.h"
#include "Objective.h"
#include "Plan.h"
#include "PlanLink.h"
#include "TilingTable.h"
#include "graph/ModelGraph.h"

#include <QVector>

#include <memory>

namespace d3::core {

/// The cost model (docs/ARCHITECTURE.md, Planning), in one place:
///   T = D(0,p) + X(S_p, device->edge) + E(p,q | tiling) + X(S_q, edge->cloud) + C(q,n) + X(result, cloud->device)
///   X(bytes, link) = rtt/2 + bytes / bandwidth; D, E, C = per-layer times at speed 1 divided by the tier's speed
///   E with tiling = the slowest edge node's tiles (halo included) + gathering them on the stitching node
///                   + the rest of the edge range on that node
///   backbone bytes = S_q + result (the result returns through the edge).
/// The raw input travels as uint8 (S_0 = C*H*W bytes), feature maps as float32. Every X is a hop over one link
/// (PlanLink) with the wire codec that makes it fastest (CodecCosts::best: encoding on the sender, the compressed
/// bytes, decoding on the receiver; raw when that is not faster); a message between device and cloud is two hops.
/// For a stream of requests it predicts how long each resource is busy per request (BusyTimes: compute threads and
/// links' serialization) and so the bottleneck and throughput; an Objective says which figure the planners minimise
/// (better()). Immutable; cheap queries.
class CostModel
{
public:
    /// A model for graph, layer costs and conditions (which must validate).
    CostModel(const ModelGraph &graph, LayerCosts costs, Conditions conditions);
    /// The same graph and layer costs under other conditions; shares the tiling table (which depends on the
    /// costs only), so re-planning after a link or speed change costs no table rebuild.
    CostModel withConditions(Conditions conditions) const;

    /// The same model without any tiling option: planners choose untiled plans (vertical separation off).
    CostModel withoutTiling() const;
    /// The same model with these codec figures (by default every transfer is raw).
    CostModel withCodecs(CodecCosts codecs) const;
    /// The same model with another objective (by default Latency), which every planner's choice follows.
    CostModel withObjective(Objective objective) const;
    /// The objective.
    const Objective &objective() const { return m_objective; }

    /// Bottleneck figures closer than this share of the larger are equal under Throughput and LatencyUnderRate
    /// (the same resource summed in another order), so the latency decides between them.
    static constexpr double kBottleneckTie = 1e-9;
    /// True when a is strictly better than b under the objective: Latency, the least total; Throughput, the least
    /// bottleneckMs, then the least total; LatencyUnderRate, a plan that sustains the rate (sustains()) before one
    /// that does not, the least total among those that do and the least bottleneck among those that do not. The
    /// one comparison of every planner.
    bool better(const CostBreakdown &a, const CostBreakdown &b) const
    {
        return better(a.total, a.bottleneckMs, b.total, b.bottleneckMs);
    }
    /// better() on the two figures alone (totals and bottlenecks, ms). Worse in either figure is never better, so
    /// lower bounds of both prune a search.
    bool better(double totalA, double bottleneckA, double totalB, double bottleneckB) const;
    /// True when a plan of bottleneckMs sustains the objective's rate: at most Objective::kUtilisation of the time
    /// between requests (always true but under LatencyUnderRate with a positive rate).
    bool sustains(double bottleneckMs) const;
    /// evaluate(*plan), setting plan's codecs to those it chose (what a deployment of it sends).
    CostBreakdown evaluateChoosingCodecs(Plan *plan) const;
    /// A plan written by hand as the controller deploys it: placed (placed()) with the codecs it chooses, and its
    /// prediction. The one call behind every prediction of a manual plan (the console's drag label, its status bar,
    /// the controller's predicted series).
    CostBreakdown evaluateAsDeployed(Plan *plan) const;

    /// The full prediction for a plan. A tiled plan without tileNodes gets the speed-proportional assignment; the
    /// untiled edge layers run on plan.edgeNode (a deployed plan keeps its node when another becomes faster; a plan
    /// written by hand is placed first: evaluateAsDeployed).
    CostBreakdown evaluate(const Plan &plan) const;

    /// The graph.
    const ModelGraph &graph() const { return m_graph; }
    /// The layer costs used.
    const LayerCosts &costs() const { return m_costs; }
    /// The conditions used.
    const Conditions &conditions() const { return m_conditions; }
    /// Every tiling option.
    const TilingTable &tiling() const { return *m_tiling; }

    /// Reference-speed milliseconds of layers [a, b).
    double rangeMs(int a, int b) const { return m_prefix[b] - m_prefix[a]; }
    /// Bytes crossing cut k on the wire (uint8 at 0).
    qint64 wireBytes(int k) const;
    /// Bytes of the result.
    qint64 resultBytes() const;
    /// Serialization time of bytes over a link of mbps: how long the link is busy with them.
    static double serializationMs(double bytes, double mbps) { return bytes * 8.0 / (mbps * 1e3); }
    /// Transfer time of bytes over a link of mbps and rttMs: the delay (half the round trip) and the serialization.
    static double transferMs(double bytes, double mbps, double rttMs) { return rttMs / 2 + serializationMs(bytes, mbps); }
    /// The bandwidth of link (Mbit/s), from the conditions.
    double linkMbps(PlanLink link) const;
    /// The round-trip time of link (ms), from the conditions.
    double linkRttMs(PlanLink link) const;
    /// The best way to send rawBytes of the tensors crossing cut over link, from a node of fromSpeed to one of
    /// toSpeed (the codecs' figures and the link's conditions).
    CodecCosts::Choice send(int cut, double rawBytes, PlanLink link, double fromSpeed, double toSpeed) const;
    /// The same transfer with a given codec (a share of a transfer whose codec was chosen whole).
    CodecCosts::Choice sendWith(WireCodec codec, int cut, double rawBytes, PlanLink link, double fromSpeed,
                                double toSpeed) const;
    /// How long a transfer keeps link busy: its wire bytes' serialization.
    double linkBusyMs(const CodecCosts::Choice &transfer, PlanLink link) const
    {
        return serializationMs(double(transfer.wireBytes), linkMbps(link));
    }
    /// The codec figures used.
    const CodecCosts &codecs() const { return m_codecs; }

    /// Everything after the tiled stack for stack end s and cloud cut q >= s: edge [s, q) on the stitching node
    /// edgeNode (the fastest when negative), the backbone, the cloud and the return (with its part of the breakdown,
    /// and in busy its part of the busy times: the stitching node's, the cloud's, the device's decoding of the
    /// result, the backbone, return and downlink; the bottleneck fields are not set).
    CostBreakdown tail(int s, int q, int edgeNode = -1) const;
    /// The busy times of plan's part before s (headBusy + tail = evaluate's): the device's [0, p) and encoding, the
    /// uplink (one link per tile node), and with entry (its tiling option; plan's tile nodes assigned) each tile
    /// node's tiles, decoding and encoding, gathering on the stitching node and its decoding; untiled, the edge
    /// node's decoding. uplinkCodec and gatherCodec are the codecs chosen for those transfers.
    BusyTimes headBusy(const Plan &plan, const TilingEntry *entry, WireCodec uplinkCodec, WireCodec gatherCodec) const;
    /// The tile phase of option e on the k fastest edge nodes: returns its ms (the slowest node's tiles +
    /// gathering the others on the fastest node) and, when plan is not null, fills plan->tileNodes and edgeNode.
    /// The codec chosen for gathering the tiles goes into *gatherCodec when not null.
    double tilePhase(const TilingEntry &e, int k, Plan *plan, WireCodec *gatherCodec = nullptr) const;
    /// plan with its placement filled in where it has none: a tiled stack's tiles on every edge node, longest tile
    /// first (tilePhase), stitched on the fastest; the untiled edge range on the fastest edge node. A plan that
    /// names its tile nodes comes back as it is. For plans written by hand (a manual plan, the console's cuts).
    Plan placed(const Plan &plan) const;
    /// The device's uplink at p: the tensors crossing p to the fastest edge node, or, with entry, the inputs of its
    /// tiles (halos included).
    CodecCosts::Choice uplink(int p, const TilingEntry *entry) const;
    /// Gathering gathered bytes of tile outputs at stack end s on the fastest edge node (0 for none); the codec
    /// chosen in *codec when not null.
    double gatherMs(int s, qint64 gathered, WireCodec *codec) const;
    /// Edge node indices by decreasing speed.
    const QVector<int> &edgeNodesBySpeed() const { return m_bySpeed; }

private:
    /// Fills m_bySpeed and m_sortedSpeeds from the conditions' edge speeds.
    void orderEdgeNodes();

    ModelGraph m_graph;
    LayerCosts m_costs;
    Conditions m_conditions;
    QVector<double> m_prefix;
    QVector<int> m_bySpeed;
    QVector<double> m_sortedSpeeds;
    std::shared_ptr<const TilingTable> m_tiling;
    CodecCosts m_codecs;
    Objective m_objective;
};

} // namespace d3::core
