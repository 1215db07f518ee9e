#pragma once

#include "graph/Layer.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>

namespace d3::ui {

/// One layer of the layer graph: a box filled with the colour of the tier that runs it, its op inside, the layer's
/// name, shape and size as the tool tip. Selectable. GUI thread only; owned by its scene.
class LayerNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::LayerNodeItem)
public:
    /// Where a layer runs.
    enum class Tier { Device, Edge, TiledEdge, Cloud };

    /// A box for layer at rect (scene units), on the device until setTier().
    LayerNodeItem(const core::Layer &layer, const QRectF &rect);

    /// The layer's index.
    int layer() const { return m_layer; }
    /// The tier it is drawn in.
    Tier tier() const { return m_tier; }
    /// Redraws it in tier's colour.
    void setTier(Tier tier);
    /// The fill colour of its tier.
    QColor fillColour() const { return tierColour(m_tier); }
    /// The fill colour of a tier (the stage colours of the plots: device blue, tiles green, edge purple, cloud brown).
    static QColor tierColour(Tier tier);
    /// The tier's name for people ("device", "edge (tiled)", ...), translated.
    static QString tierName(Tier tier);
    /// The op as a short box label ("conv", "bn", "maxpool").
    static QString shortOp(core::OpKind op);
    /// Height of the box label's font in scene units (its height in pixels at zoom 1).
    static constexpr int kLabelPixels = 12;
    /// The font of the box label (kLabelPixels high).
    static QFont labelFont();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_layer;
    QRectF m_rect;
    QString m_label;
    Tier m_tier = Tier::Device;
};

} // namespace d3::ui
