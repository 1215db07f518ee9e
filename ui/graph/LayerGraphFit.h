#pragma once

#include "LayerGraphLayout.h"

#include <QSize>

namespace d3::ui {

/// How the layer graph fills a viewport: the largest zoom in [readable, 1] at which the model, folded into rows as
/// wide as the viewport, fits its height too; else the readable zoom with such rows, scrolling vertically. The text
/// never shrinks below readable and no row is wider than the viewport.
struct LayerGraphFit {
    qreal zoom = 1;   ///< pixels per scene unit
    int columns = 0;  ///< columns per row
    bool whole = true; ///< the whole model fits (else the rows scroll vertically)

    /// The fit of layout's model (any fold) in a viewport of size pixels, with margin scene units around the drawing;
    /// scrollBar pixels are left for a vertical scroll bar when the rows do not fit.
    static LayerGraphFit choose(const LayerGraphLayout &layout, const QSize &viewport, qreal readableZoom, qreal margin,
                                int scrollBar);
    /// The columns per row that fit width pixels at zoom, with margin scene units on both sides.
    static int columnsFor(int width, qreal zoom, qreal margin);
};

} // namespace d3::ui
