#pragma once

#include "CostModel.h"
#include "Plan.h"

#include <QVector>

#include <algorithm>
#include <functional>

namespace d3::core {

/// The shared machinery of the three-way searches: the cost of everything after the edge's first part for every
/// (s, q), the enumeration of every first part (untiled at p, or a tiling option on k edge nodes), and the joining
/// of a first part with a rest into the two figures the objective compares (CostModel::better).
class PlanSearch
{
public:
    /// Precomputes the best cloud cut and its rest for every edge start (O(n)), and for objectives other than
    /// Latency the busy times of every rest (O(n^2) additions); model must outlive it.
    explicit PlanSearch(const CostModel &model);

    /// tail(s, q).total: edge [s, q), backbone, cloud and return.
    double tailMs(int s, int q) const { return m_model.tail(s, q).total; }
    /// The best q >= s for stack end (or edge start) s.
    int bestQ(int s) const { return m_bestQ[s]; }
    /// tailMs(s, bestQ(s)): the least rest from s.
    double bestTailMs(int s) const { return m_bestTailMs[s]; }

    /// Busy times as a search joins them (BusyTimes, summed over what a first part and a rest share): the device,
    /// the stitching edge node (in a search the fastest), and the busiest of the other resources.
    struct Busy {
        double device = 0;   ///< the device
        double stitcher = 0; ///< the stitching edge node
        double rest = 0;     ///< the busiest other resource
        /// busy's split, the stitching node being edge node stitcher.
        static Busy of(const BusyTimes &busy, int stitcher);
        /// The bottleneck of this first part with rest tail.
        double joined(const Busy &tail) const
        {
            return std::max({rest, tail.rest, device + tail.device, stitcher + tail.stitcher});
        }
        /// The bottleneck of this part alone.
        double max() const { return std::max({rest, device, stitcher}); }
    };

    /// A first part of a plan: device [0, p), the uplink and, if tiled, the tile phase; the rest starts at s.
    struct Head {
        Plan plan;                        ///< p; tiled: stackEnd, grid (and tile nodes with busy); q not set
        int s = 0;                        ///< where the untiled edge part starts
        double ms = 0;                    ///< device + uplink + tile phase
        const TilingEntry *entry = nullptr; ///< the tiling option (tiled heads)
        int nodes = 0;                    ///< edge nodes computing tiles (tiled heads)
        Busy busy;                        ///< its busy times (when the objective is not Latency; tile nodes assigned)
    };
    /// Lower bounds of every plan that starts with a head, before its tiles are assigned (branch and bound).
    struct Bound {
        double ms = 0;     ///< of its device + uplink + tile phase
        double busyMs = 0; ///< of its busiest resource
        int s = 0;         ///< where its untiled edge part starts
    };
    /// The best plan found so far: its figures, and its head and cloud cut (q < 0: still the starting plan).
    struct Best {
        double ms = 0;           ///< total
        double bottleneckMs = 0; ///< busiest resource
        Head head;               ///< its first part
        int q = -1;              ///< its cloud cut
    };

    /// Device-only (p = q = n), the starting point of every search, and its predicted ms in *ms (all of it on the
    /// device, which is also its bottleneck).
    static Plan deviceOnly(const CostModel &model, double *ms);
    /// The complete plan of head with cloud cut q (tile nodes assigned).
    static Plan complete(const CostModel &model, const Head &head, int q);
    /// A lower bound of a tiled head's ms computed without assigning tiles (for branch and bound).
    static double lowerBound(const CostModel &model, const TilingEntry &e, int nodes, double deviceAndUplinkMs);

    /// Calls visit for every head with pFrom <= p <= pTo: untiled, and every tiling option starting there that
    /// accepts (all when accepts is empty) on every edge-node count 1..K, skipping those worthTrying refuses.
    /// Device-only (p = n) is not a head. The heads carry their busy times unless the objective is Latency.
    static void forEachHead(const CostModel &model, int pFrom, int pTo,
                            const std::function<bool(const TilingEntry &)> &accepts,
                            const std::function<void(const Head &)> &visit,
                            const std::function<bool(const Bound &)> &worthTrying = {});

    /// The rest's busy times from s to q, from the precomputed rests (objectives other than Latency).
    Busy tailBusy(int s, int q) const;
    /// tailMs(s, q) from the precomputed rests (the same sum in another order).
    double tailMsFast(int s, int q) const { return m_model.rangeMs(s, q) / m_edgeSpeed + m_restMs[q]; }
    /// A lower bound of the bottleneck of every rest from s (objectives other than Latency).
    double tailBusyBound(int s) const { return m_tailBusyBound[s]; }
    /// True when a plan that starts with a head of lower bounds b may beat best: b plus the least rest from b.s in
    /// both figures.
    bool canWin(const Bound &b, const Best &best) const;
    /// Offers head joined with every rest from its s to *best (objectives other than Latency), unless even the
    /// least rest cannot make it win.
    void offerRests(const Head &head, Best *best) const;
    /// Records head with cloud cut q in *best when its figures (total ms, bottleneck ms) are better under model's
    /// objective.
    static void offer(const CostModel &model, const Head &head, int q, double ms, double bottleneckMs, Best *best);

private:
    const CostModel &m_model;
    QVector<int> m_bestQ;
    QVector<double> m_bestTailMs;
    double m_edgeSpeed = 1;
    QVector<double> m_restMs;     // tail(q, q).total
    QVector<Busy> m_restBusy;     // tail(q, q)'s busy times
    QVector<double> m_tailBusyBound;
};

} // namespace d3::core
