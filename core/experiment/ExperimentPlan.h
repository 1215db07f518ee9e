#pragma once

#include "graph/ModelGraph.h"
#include "plan/Plan.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace d3::core {

/// A plan written in an experiment (planner "manual", or a force_plan event): the cuts, and optionally a tile grid
/// over the fused stack [p, stackEnd). Which edge nodes compute the tiles is decided when it is deployed.
struct ExperimentPlan {
    int p = 0;         ///< device | edge cut
    int q = 0;         ///< edge | cloud cut, p <= q
    int rows = 1;      ///< tile grid rows, 1..8
    int cols = 1;      ///< tile grid columns, 1..8
    int stackEnd = -1; ///< end of the tiled stack, p < stackEnd <= q; -1 for a 1x1 grid

    /// True when the grid is not 1x1.
    bool tiled() const { return rows * cols > 1; }
    /// Empty if the plan fits graph (q <= n; for a grid, [p, stackEnd) is a fused stack of the edge range and the
    /// grid fits its output), else one line saying why.
    QString mismatch(const ModelGraph &graph) const;
    /// The operator's plan with cuts [p, q] and, for a grid other than 1x1, the longest fused stack starting at p
    /// inside [p, q) that the grid fits; untiled when none does (or the grid is 1x1).
    static ExperimentPlan fitting(const ModelGraph &graph, int p, int q, int rows, int cols);
    /// The plan for the planners and Deployment: cuts, stack and grid; tileNodes empty and edgeNode 0, to be
    /// assigned over the edge nodes when it is deployed.
    Plan toPlan() const;
    /// {"cuts": [p, q], "grid": [r, c], "stack_end": s} (stack_end only with a grid), as in the file.
    QJsonObject toJson() const;
    /// Reads a plan object found at path (cuts [p, q] with 0 <= p <= q; grid [r, c] in 1..8, default [1, 1];
    /// stack_end in (p, q], required with a grid other than [1, 1] and refused with [1, 1]); on a problem records
    /// "PATH: message" in *error (unless it holds one already) and returns what it read.
    static ExperimentPlan read(const QJsonValue &value, const QString &path, QString *error);
    /// Same cuts, grid and stack.
    bool operator==(const ExperimentPlan &o) const
    {
        return p == o.p && q == o.q && rows == o.rows && cols == o.cols && stackEnd == o.stackEnd;
    }
};

} // namespace d3::core
