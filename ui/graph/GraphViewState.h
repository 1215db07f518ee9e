#pragma once

#include <QByteArray>
#include <QPointF>

#include <optional>

namespace d3::ui {

/// What the layer graph's view shows, kept across a rebuild of the window (another language): the zoom, the columns
/// per row and the centre, as the layer nearest to the centre and the centre's offset from that layer's box (so it
/// survives the rows being folded anew for another width).
struct GraphViewState {
    qreal zoom = 1;     ///< pixels per scene unit
    int columns = 0;    ///< columns per row (0: as many as fit the view's width at zoom)
    int layer = -1;     ///< the layer nearest to the centre (-1: none)
    QPointF offset;     ///< the centre minus the centre of that layer's box (scene units)

    /// The state as bytes (for LayerGraphPanel::saveViewState()).
    QByteArray toBytes() const;
    /// The state in bytes from toBytes(); none when they are not such a state.
    static std::optional<GraphViewState> fromBytes(const QByteArray &bytes);
};

} // namespace d3::ui
