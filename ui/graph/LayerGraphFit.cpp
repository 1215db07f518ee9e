#include "LayerGraphFit.h"

#include <algorithm>

namespace d3::ui {

namespace {

constexpr qreal kStep = 0.96; ///< the zooms tried, from 1 down to the readable one

} // namespace

int LayerGraphFit::columnsFor(int width, qreal zoom, qreal margin)
{
    return LayerGraphLayout::columnsForWidth(width / zoom - 2 * margin);
}

LayerGraphFit LayerGraphFit::choose(const LayerGraphLayout &layout, const QSize &viewport, qreal readableZoom,
                                    qreal margin, int scrollBar)
{
    const qreal floor = std::min(readableZoom, 1.0);
    for (qreal zoom = 1;; zoom = std::max(zoom * kStep, floor)) {
        const int columns = columnsFor(viewport.width(), zoom, margin);
        const QRectF drawn = layout.folded(columns).bounds().adjusted(-margin, -margin, margin, margin);
        if (drawn.height() * zoom <= viewport.height() && drawn.width() * zoom <= viewport.width())
            return {zoom, columns, true};
        if (zoom <= floor)
            break;
    }
    return {floor, columnsFor(viewport.width() - scrollBar, floor, margin), false};
}

} // namespace d3::ui
