#pragma once

#include "CostModel.h"
#include "Plan.h"

#include <QVector>

#include <functional>

namespace d3::core {

/// The shared machinery of the three-way searches: the cost of everything after the edge's first part for every
/// (s, q), and the enumeration of every first part (untiled at p, or a tiling option on k edge nodes).
class PlanSearch
{
public:
    /// Precomputes the best cloud cut for every edge start (O(n)); model must outlive it.
    explicit PlanSearch(const CostModel &model);

    /// tail(s, q).total: edge [s, q), backbone, cloud and return.
    double tailMs(int s, int q) const { return m_model.tail(s, q).total; }
    /// The best q >= s for stack end (or edge start) s, and its tailMs.
    int bestQ(int s) const { return m_bestQ[s]; }

    /// A first part of a plan: device [0, p), the uplink and, if tiled, the tile phase; the rest starts at s.
    struct Head {
        Plan plan;                        ///< p, and for tiled heads stackEnd and grid (q and tile nodes not set)
        int s = 0;                        ///< where the untiled edge part starts
        double ms = 0;                    ///< device + uplink + tile phase
        const TilingEntry *entry = nullptr; ///< the tiling option (tiled heads)
        int nodes = 0;                    ///< edge nodes computing tiles (tiled heads)
    };
    /// Device-only (p = q = n), the starting point of every search, and its predicted ms in *ms.
    static Plan deviceOnly(const CostModel &model, double *ms);
    /// The complete plan of head with cloud cut q (tile nodes assigned).
    static Plan complete(const CostModel &model, const Head &head, int q);
    /// A lower bound of a tiled head's ms computed without assigning tiles (for branch and bound).
    static double lowerBound(const CostModel &model, const TilingEntry &e, int nodes, double deviceAndUplinkMs);

    /// Calls visit for every head with pFrom <= p <= pTo: untiled, and every tiling option starting there that
    /// accepts (all when accepts is empty) on every edge-node count 1..K. Device-only (p = n) is not a head.
    static void forEachHead(const CostModel &model, int pFrom, int pTo,
                            const std::function<bool(const TilingEntry &)> &accepts,
                            const std::function<void(const Head &)> &visit,
                            const std::function<bool(double lowerBoundMs, int s)> &worthTrying = {});

private:
    const CostModel &m_model;
    QVector<int> m_bestQ;
};

} // namespace d3::core
