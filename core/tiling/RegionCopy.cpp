#include "RegionCopy.h"

#include <QtGlobal>

#include <algorithm>

namespace d3::core {

HostTensor RegionCopy::crop(const HostTensor &map, const Region &region)
{
    Q_ASSERT(map.shape.size() == 3 && region.y0 >= 0 && region.x0 >= 0 && region.y1 <= map.shape[1]
             && region.x1 <= map.shape[2]);
    const qint64 channels = map.shape[0], height = map.shape[1], width = map.shape[2];
    HostTensor out;
    out.shape = {channels, region.height(), region.width()};
    out.values.resizeForOverwrite(size_t(out.elements())); // every element is copied below
    float *dst = out.values.data();
    for (qint64 c = 0; c < channels; ++c) {
        for (qint64 y = region.y0; y < region.y1; ++y) {
            const float *src = map.values.data() + (c * height + y) * width + region.x0;
            dst = std::copy(src, src + region.width(), dst);
        }
    }
    return out;
}

void RegionCopy::paste(HostTensor *map, const HostTensor &tile, const Region &region)
{
    Q_ASSERT(map->shape.size() == 3 && tile.shape.size() == 3 && tile.shape[0] == map->shape[0]
             && tile.shape[1] == region.height() && tile.shape[2] == region.width());
    const qint64 channels = map->shape[0], height = map->shape[1], width = map->shape[2];
    const float *src = tile.values.data();
    float *dst = map->values.data();
    for (qint64 c = 0; c < channels; ++c) {
        for (qint64 y = region.y0; y < region.y1; ++y) {
            std::copy(src, src + region.width(), dst + (c * height + y) * width + region.x0);
            src += region.width();
        }
    }
}

} // namespace d3::core
