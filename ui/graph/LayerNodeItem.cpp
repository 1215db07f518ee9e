#include "LayerNodeItem.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace d3::ui {

LayerNodeItem::LayerNodeItem(const core::Layer &layer, const QRectF &rect)
    : m_layer(layer.index)
    , m_rect(rect)
    , m_label(shortOp(layer.op))
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setToolTip(tr("#%1 %2 (%3)\n%4, %5")
                   .arg(layer.index)
                   .arg(layer.name, core::opName(layer.op), layer.shape.toString(),
                        QLocale().formattedDataSize(layer.bytes)));
}

void LayerNodeItem::setTier(Tier tier)
{
    if (tier == m_tier)
        return;
    m_tier = tier;
    update();
}

QColor LayerNodeItem::tierColour(Tier tier)
{
    switch (tier) {
    case Tier::Device:
        return QColor(31, 119, 180);
    case Tier::Edge:
        return QColor(148, 103, 189);
    case Tier::TiledEdge:
        return QColor(44, 160, 44);
    case Tier::Cloud:
        return QColor(140, 86, 75);
    }
    return {};
}

QString LayerNodeItem::tierName(Tier tier)
{
    switch (tier) {
    case Tier::Device:
        return tr("device");
    case Tier::Edge:
        return tr("edge");
    case Tier::TiledEdge:
        return tr("edge (tiled)");
    case Tier::Cloud:
        return tr("cloud");
    }
    return {};
}

QString LayerNodeItem::shortOp(core::OpKind op)
{
    switch (op) {
    case core::OpKind::BatchNorm2d:
        return QStringLiteral("bn");
    case core::OpKind::LeakyRelu:
        return QStringLiteral("leaky");
    case core::OpKind::AdaptiveAvgPool2d:
        return QStringLiteral("gap");
    case core::OpKind::LayerNorm:
        return QStringLiteral("ln");
    case core::OpKind::MultiheadAttention:
        return QStringLiteral("attn");
    case core::OpKind::Hardswish:
        return QStringLiteral("hswish");
    case core::OpKind::Hardsigmoid:
        return QStringLiteral("hsig");
    case core::OpKind::Parameter:
        return QStringLiteral("param");
    default:
        break;
    }
    QString name = core::opName(op);
    if (name.endsWith(QLatin1String("2d")))
        name.chop(2);
    return name;
}

QFont LayerNodeItem::labelFont()
{
    QFont font;
    font.setPixelSize(kLabelPixels);
    return font;
}

QRectF LayerNodeItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

void LayerNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor colour = fillColour();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? Qt::black : colour.darker(150), selected ? 2.5 : 1));
    painter->setBrush(colour.lighter(165));
    painter->drawRoundedRect(m_rect, 4, 4);
    if (m_tier == Tier::TiledEdge) { // the tile pattern of a tiled stack
        painter->setPen(Qt::NoPen);
        QColor grid = colour;
        grid.setAlpha(110);
        painter->setBrush(QBrush(grid, Qt::CrossPattern));
        painter->drawRoundedRect(m_rect, 4, 4);
    }
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod * kLabelPixels < 4) // too small to read
        return;
    const QFont font = labelFont();
    painter->setFont(font);
    painter->setPen(colour.darker(220));
    const QString text = QFontMetricsF(font).elidedText(m_label, Qt::ElideRight, m_rect.width() - 4);
    painter->drawText(m_rect, Qt::AlignCenter, text);
}

} // namespace d3::ui
