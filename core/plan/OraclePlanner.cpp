#include "OraclePlanner.h"

#include "PlanSearch.h"
#include "TilingTable.h"

namespace d3::core {

Plan OraclePlanner::choose(const CostModel &model, QString *) const
{
    const int n = model.graph().layerCount();
    const int stitcher = model.edgeNodesBySpeed().first();
    const bool latency = model.objective().kind == Objective::Kind::Latency;
    PlanSearch::Best best;
    const Plan start = PlanSearch::deviceOnly(model, &best.ms);
    best.bottleneckMs = best.ms;
    // Heads that cannot win whatever follows (every tail adds to both figures) are skipped: exact branch and bound.
    PlanSearch::forEachHead(
        model, 0, n, {},
        [&](const PlanSearch::Head &h) {
            if (!model.better(h.ms, h.busy.max(), best.ms, best.bottleneckMs))
                return;
            for (int q = h.s; q <= n; ++q) {
                const CostBreakdown t = model.tail(h.s, q);
                const double bottleneck = latency ? 0.0 : h.busy.joined(PlanSearch::Busy::of(t.busy, stitcher));
                PlanSearch::offer(model, h, q, h.ms + t.total, bottleneck, &best);
            }
        },
        [&](const PlanSearch::Bound &b) { return model.better(b.ms, b.busyMs, best.ms, best.bottleneckMs); });
    return best.q >= 0 ? PlanSearch::complete(model, best.head, best.q) : start;
}

} // namespace d3::core
