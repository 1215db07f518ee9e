#pragma once

#include <QString>

namespace d3::ui {

/// What the operator chose for the plan in the console: a planner with vertical separation on or off, or "manual"
/// with the cuts and grid they set (dragged handles, the tile grid). One undo step restores all of it together.
struct PlanChoice {
    QString planner;  ///< "hpa", "oracle", a baseline, or "manual"
    bool tiles = true; ///< vertical separation allowed (the planners' setting; kept while the plan is manual)
    int p = 0;        ///< manual: device | edge cut
    int q = 0;        ///< manual: edge | cloud cut
    int rows = 1;     ///< manual: tile grid rows
    int cols = 1;     ///< manual: tile grid columns

    /// True for a manual plan.
    bool manual() const { return planner == QLatin1String("manual"); }
    /// Same planner and tiles, and for a manual plan the same cuts and grid.
    bool operator==(const PlanChoice &o) const
    {
        return planner == o.planner && tiles == o.tiles
            && (!manual() || (p == o.p && q == o.q && rows == o.rows && cols == o.cols));
    }
    /// Not the same.
    bool operator!=(const PlanChoice &o) const { return !(*this == o); }
};

} // namespace d3::ui
