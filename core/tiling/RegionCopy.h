#pragma once

#include "Region.h"
#include "io/HostTensor.h"

namespace d3::core {

/// Cuts regions out of [C, H, W] host tensors and pastes them back: the device crops tile inputs (halo
/// included), the edge stitches tile outputs.
class RegionCopy
{
public:
    /// The [C, h, w] crop of a [C, H, W] tensor at region (which must lie inside it).
    static HostTensor crop(const HostTensor &map, const Region &region);
    /// Writes a [C, h, w] tile into a [C, H, W] tensor at region (same channels; region inside).
    static void paste(HostTensor *map, const HostTensor &tile, const Region &region);
};

} // namespace d3::core
