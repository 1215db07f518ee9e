#include "HpaPlanner.h"

#include "PlanSearch.h"
#include "TilingTable.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cmath>

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
    double bestMs = 0;
    Plan best = PlanSearch::deviceOnly(model, &bestMs);
    PlanSearch::Head bestHead;
    int bestQ = -1;
    auto tailFrom = [&](int s) { return search.tailMs(s, search.bestQ(s)); };
    PlanSearch::forEachHead(
        model, 0, n, {},
        [&](const PlanSearch::Head &h) {
            const double ms = h.ms + tailFrom(h.s);
            if (ms < bestMs) {
                bestMs = ms;
                bestHead = h;
                bestQ = search.bestQ(h.s);
            }
        },
        [&](double lowerBound, int s) { return lowerBound + tailFrom(s) < bestMs; });
    if (bestQ >= 0)
        best = PlanSearch::complete(model, bestHead, bestQ);
    return best;
}

HpaPlanner::Adjustment HpaPlanner::adjust(const CostModel &model, const Plan &current) const
{
    QElapsedTimer timer;
    timer.start();
    const int n = model.graph().layerCount();
    const int w = m_settings.window > 0 ? m_settings.window : std::max(4, n / 8);
    Adjustment a;
    a.plan = current;
    a.currentMs = model.evaluate(current).total;
    a.bestMs = a.currentMs;

    // The window: cut positions within w of the current ones, and the two positions at either end of the model (a
    // large change, such as a collapsed backbone, calls for a plan near the device or the output, which a window
    // around the current cuts alone never reaches); grids at most one row/column from the current.
    const int curRows = current.tiled() ? current.rows : 1;
    const int curCols = current.tiled() ? current.cols : 1;
    const int maxGrid = std::min(TilingTable::kMaxGrid, std::max(curRows, curCols) + 1);
    const int ends = std::min(w, 2);
    auto inWindow = [&](int k, int center) { return std::abs(k - center) <= w || k <= ends || k >= n - ends; };
    Plan best = current;
    double bestMs = a.currentMs;
    {
        Plan deviceOnly = current;
        deviceOnly.p = deviceOnly.q = n;
        deviceOnly.stackEnd = -1;
        deviceOnly.tileNodes.clear();
        const double ms = model.evaluate(deviceOnly).total;
        if (ms < bestMs) {
            bestMs = ms;
            best = deviceOnly;
        }
    }
    auto nearGrid = [&](const TilingEntry &e) {
        return std::abs(e.rows - curRows) <= 1 && std::abs(e.cols - curCols) <= 1 && e.rows <= maxGrid
            && e.cols <= maxGrid;
    };
    PlanSearch::Head bestHead;
    int bestQ = -1;
    auto visit = [&](const PlanSearch::Head &h) {
        if (h.ms >= bestMs)
            return; // every tail costs >= 0
        for (int q = h.s; q <= n; ++q) {
            if (!inWindow(q, current.q))
                continue;
            const double ms = h.ms + model.tail(h.s, q).total;
            if (ms < bestMs) {
                bestMs = ms;
                bestHead = h;
                bestQ = q;
            }
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
        PlanSearch::forEachHead(model, from, to, nearGrid, visit,
                                [&](double lowerBound, int) { return lowerBound < bestMs; });
        from = to + 1;
    }
    if (bestQ >= 0)
        best = PlanSearch::complete(model, bestHead, bestQ);
    if (bestMs < a.currentMs * (1.0 - m_settings.threshold)) {
        a.plan = best;
        a.bestMs = bestMs;
        a.moved = true;
        a.what = describeMove(current, best);
    } else {
        a.what = bestMs < a.currentMs
            ? QStringLiteral("best in window only %1 % faster, below the %2 % threshold: nothing moved")
                  .arg(100.0 * (1.0 - bestMs / a.currentMs), 0, 'f', 1).arg(100.0 * m_settings.threshold, 0, 'f', 1)
            : QStringLiteral("current plan is still the best in its window: nothing moved");
    }
    a.decisionUs = timer.nsecsElapsed() / 1e3;
    return a;
}

} // namespace d3::core
