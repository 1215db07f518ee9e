#include "HpaPlanner.h"

#include "PlanSearch.h"
#include "TilingTable.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cmath>
#include <optional>

namespace d3::core {
namespace {

QString gridText(const Plan &p)
{
    return p.tiled() ? QStringLiteral("%1x%2 tiles of [%3, %4)").arg(p.rows).arg(p.cols).arg(p.p).arg(p.stackEnd)
                     : QStringLiteral("no tiles");
}

QString describeMove(const Plan &from, const Plan &to)
{
    QStringList moves;
    if (from.p != to.p)
        moves << QStringLiteral("device|edge cut %1 -> %2").arg(from.p).arg(to.p);
    if (from.q != to.q)
        moves << QStringLiteral("edge|cloud cut %1 -> %2").arg(from.q).arg(to.q);
    if (from.tiled() != to.tiled() || from.stackEnd != to.stackEnd || from.rows != to.rows || from.cols != to.cols)
        moves << QStringLiteral("%1 -> %2").arg(gridText(from), gridText(to));
    else if (from.tileNodeCount() != to.tileNodeCount())
        moves << QStringLiteral("tile nodes %1 -> %2").arg(from.tileNodeCount()).arg(to.tileNodeCount());
    return moves.isEmpty() ? QStringLiteral("tiles reassigned across edge nodes") : moves.join(QLatin1String("; "));
}

} // namespace

Plan HpaPlanner::choose(const CostModel &model, QString *) const
{
    const PlanSearch search(model);
    const int n = model.graph().layerCount();
    const bool latency = model.objective().kind == Objective::Kind::Latency;
    PlanSearch::Best best;
    const Plan start = PlanSearch::deviceOnly(model, &best.ms);
    best.bottleneckMs = best.ms;
    auto visit = [&](const PlanSearch::Head &h) {
        if (latency) // the best rest from s is the same for every first part
            return PlanSearch::offer(model, h, search.bestQ(h.s), h.ms + search.bestTailMs(h.s), 0, &best);
        search.offerRests(h, &best);
    };
    auto worthTrying = [&](const PlanSearch::Bound &b) { return search.canWin(b, best); };
    // Under the stream objectives the untiled plans first: a good bottleneck found early rules out more tilings.
    if (!latency)
        PlanSearch::forEachHead(model, 0, n, [](const TilingEntry &) { return false; }, visit, worthTrying);
    PlanSearch::forEachHead(model, 0, n, {}, visit, worthTrying);
    return best.q >= 0 ? PlanSearch::complete(model, best.head, best.q) : start;
}

HpaPlanner::Adjustment HpaPlanner::adjust(const CostModel &model, const Plan &current) const
{
    QElapsedTimer timer;
    timer.start();
    const int n = model.graph().layerCount();
    const int w = m_settings.window > 0 ? m_settings.window : std::max(4, n / 8);
    const bool latency = model.objective().kind == Objective::Kind::Latency;
    Adjustment a;
    a.plan = current;
    const CostBreakdown now = model.evaluate(current);
    a.currentMs = a.bestMs = now.total;
    a.currentBottleneck = a.bestBottleneck = now.bottleneck;
    a.currentBottleneckMs = a.bestBottleneckMs = now.bottleneckMs;

    // The window: cut positions within w of the current ones, and the two positions at either end of the model (a
    // large change, such as a collapsed backbone, calls for a plan near the device or the output, which a window
    // around the current cuts alone never reaches); grids at most one row/column from the current.
    const int curRows = current.tiled() ? current.rows : 1;
    const int curCols = current.tiled() ? current.cols : 1;
    const int maxGrid = std::min(TilingTable::kMaxGrid, std::max(curRows, curCols) + 1);
    const int ends = std::min(w, 2);
    auto inWindow = [&](int k, int center) { return std::abs(k - center) <= w || k <= ends || k >= n - ends; };
    Plan best = current;
    PlanSearch::Best found;
    found.ms = now.total;
    found.bottleneckMs = now.bottleneckMs;
    {
        Plan deviceOnly = current;
        deviceOnly.p = deviceOnly.q = n;
        deviceOnly.stackEnd = -1;
        deviceOnly.tileNodes.clear();
        const CostBreakdown d = model.evaluate(deviceOnly);
        if (model.better(d.total, d.bottleneckMs, found.ms, found.bottleneckMs)) {
            found.ms = d.total;
            found.bottleneckMs = d.bottleneckMs;
            best = deviceOnly;
        }
    }
    auto nearGrid = [&](const TilingEntry &e) {
        return std::abs(e.rows - curRows) <= 1 && std::abs(e.cols - curCols) <= 1 && e.rows <= maxGrid
            && e.cols <= maxGrid;
    };
    // Under the stream objectives every edge|cloud cut: the balanced cut a stream wants is seldom near the current
    // one or an end, and each costs O(1) from the rests precomputed once.
    std::optional<PlanSearch> rests;
    if (!latency)
        rests.emplace(model);
    auto visit = [&](const PlanSearch::Head &h) {
        if (rests)
            return rests->offerRests(h, &found);
        if (h.ms >= found.ms)
            return; // every tail costs >= 0
        for (int q = h.s; q <= n; ++q) {
            if (inWindow(q, current.q))
                PlanSearch::offer(model, h, q, h.ms + model.tail(h.s, q).total, 0, &found);
        }
    };
    // The p ranges [0, w], [p - w, p + w] and [n - w, n], each position once.
    for (int from = 0; from <= n;) {
        if (!inWindow(from, current.p)) {
            ++from;
            continue;
        }
        int to = from;
        while (to + 1 <= n && inWindow(to + 1, current.p))
            ++to;
        PlanSearch::forEachHead(model, from, to, nearGrid, visit, [&](const PlanSearch::Bound &b) {
            return rests ? rests->canWin(b, found) : b.ms < found.ms;
        });
        from = to + 1;
    }
    if (found.q >= 0)
        best = PlanSearch::complete(model, found.head, found.q);
    // The improvement in the objective's own figure: latency, or the bottleneck's busy time.
    const bool gainsRate = !model.sustains(now.bottleneckMs) && model.sustains(found.bottleneckMs);
    const bool byBottleneck = model.objective().kind == Objective::Kind::Throughput
        || (model.objective().kind == Objective::Kind::LatencyUnderRate && !model.sustains(found.bottleneckMs));
    const double from = byBottleneck ? now.bottleneckMs : now.total;
    const double to = byBottleneck ? found.bottleneckMs : found.ms;
    const bool better = model.better(found.ms, found.bottleneckMs, now.total, now.bottleneckMs);
    if (better && (gainsRate || to < from * (1.0 - m_settings.threshold))) {
        const CostBreakdown after = model.evaluate(best);
        a.plan = best;
        a.bestMs = found.ms;
        a.bestBottleneck = after.bottleneck;
        a.bestBottleneckMs = after.bottleneckMs;
        a.moved = true;
        a.what = describeMove(current, best);
        if (model.objective().kind != Objective::Kind::Latency && a.bestBottleneck != a.currentBottleneck)
            a.what += QStringLiteral("; bottleneck %1 -> %2").arg(a.currentBottleneck, a.bestBottleneck);
    } else {
        const QString figure = byBottleneck ? QStringLiteral("less busy at the bottleneck") : QStringLiteral("faster");
        a.what = better && to < from
            ? QStringLiteral("best in window only %1 % %2, below the %3 % threshold: nothing moved")
                  .arg(100.0 * (1.0 - to / from), 0, 'f', 1).arg(figure).arg(100.0 * m_settings.threshold, 0, 'f', 1)
            : QStringLiteral("current plan is still the best in its window: nothing moved");
    }
    a.decisionUs = timer.nsecsElapsed() / 1e3;
    return a;
}

} // namespace d3::core
