#pragma once

#include <QVector>

namespace d3::core {

/// A run of spatially local layers [begin, end) in topological order whose output is one feature map (the only
/// tensor crossing cut end): the part of an edge range that vertical separation cuts into tiles.
struct FusedStack {
    int begin = 0;          ///< first layer (the cut position where the stack starts)
    int end = 0;            ///< one past the last layer (the cut position where it ends)
    QVector<int> inputs;    ///< tensor ids crossing cut begin (what the stack reads)
    int output = 0;         ///< tensor id of the stack's output (end, as layer end - 1's output)

    /// Number of layers.
    int size() const { return end - begin; }
    bool operator==(const FusedStack &o) const { return begin == o.begin && end == o.end; }
};

} // namespace d3::core
