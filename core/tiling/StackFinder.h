#pragma once

#include "FusedStack.h"
#include "graph/ModelGraph.h"

#include <QString>
#include <QVector>

#include <optional>

namespace d3::core {

/// Finds the fused stacks that vertical separation can tile inside a cut range [p, q).
class StackFinder
{
public:
    /// True if layer i can be computed tile by tile exactly (spatially local, and for avgpool2d without padding
    /// or ceil_mode, whose divisors would change at tile borders).
    static bool isTileable(const Layer &layer);
    /// Why layer cannot be tiled, in a few words; "" when it can.
    static QString whyNotTileable(const Layer &layer);

    /// Every stack starting at p and ending at some s in (p, q] such that all layers in [p, s) are tileable and
    /// exactly one feature map crosses s; shortest first.
    static QVector<FusedStack> candidates(const ModelGraph &graph, int p, int q);

    /// The longest candidate (the leading fused stack of the range), or nullopt with *why in one line.
    static std::optional<FusedStack> leading(const ModelGraph &graph, int p, int q, QString *why);

    /// The stack with the most FLOPs over all start positions (the largest one the model has).
    static std::optional<FusedStack> largest(const ModelGraph &graph);
};

} // namespace d3::core
