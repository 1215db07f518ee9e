#include "OraclePlanner.h"

#include "PlanSearch.h"
#include "TilingTable.h"

namespace d3::core {

Plan OraclePlanner::choose(const CostModel &model, QString *) const
{
    const PlanSearch search(model);
    const int n = model.graph().layerCount();
    double bestMs = 0;
    Plan best = PlanSearch::deviceOnly(model, &bestMs);
    PlanSearch::Head bestHead;
    int bestQ = -1;
    // Heads that cannot win whatever follows (every tail costs >= 0) are skipped: exact branch and bound.
    PlanSearch::forEachHead(
        model, 0, n, {},
        [&](const PlanSearch::Head &h) {
            if (h.ms >= bestMs)
                return;
            for (int q = h.s; q <= n; ++q) {
                const double ms = h.ms + search.tailMs(h.s, q);
                if (ms < bestMs) {
                    bestMs = ms;
                    bestHead = h;
                    bestQ = q;
                }
            }
        },
        [&](double lowerBound, int) { return lowerBound < bestMs; });
    if (bestQ >= 0)
        best = PlanSearch::complete(model, bestHead, bestQ);
    return best;
}

} // namespace d3::core
