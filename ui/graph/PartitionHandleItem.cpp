#include "PartitionHandleItem.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace d3::ui {

namespace {

constexpr qreal kHitPixels = 12;  ///< width of the area that grabs the bar
constexpr qreal kGripWidth = 18;  ///< grip size in pixels
constexpr qreal kGripHeight = 18;
constexpr qreal kGripGap = 1;     ///< pixels between the bar and its grip

} // namespace

PartitionHandleItem::PartitionHandleItem(const QString &label, Side side, const QColor &colour, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_label(label)
    , m_side(side)
    , m_colour(colour)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::SizeHorCursor);
    setZValue(10);
}

void PartitionHandleItem::setSpan(qreal top, qreal bottom)
{
    if (top == m_top && bottom == m_bottom)
        return;
    prepareGeometryChange();
    m_top = top;
    m_bottom = bottom;
}

void PartitionHandleItem::setViewScale(qreal scale)
{
    if (scale <= 0)
        return;
    prepareGeometryChange();
    m_unit = 1 / scale;
}

QRectF PartitionHandleItem::gripRect() const
{
    const qreal w = kGripWidth * m_unit;
    const qreal h = kGripHeight * m_unit;
    const qreal gap = kGripGap * m_unit;
    return QRectF(m_side == Side::Left ? -w - gap : gap, m_top - h, w, h);
}

QRectF PartitionHandleItem::boundingRect() const
{
    const qreal hit = kHitPixels * m_unit;
    return QRectF(-hit / 2, m_top, hit, m_bottom - m_top) | gripRect();
}

QPainterPath PartitionHandleItem::shape() const
{
    QPainterPath path;
    path.addRect(boundingRect());
    return path;
}

void PartitionHandleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QColor colour = m_dragging || m_hovered ? m_colour.darker(130) : m_colour;
    QPen bar(colour, (m_dragging ? 3 : 2) * m_unit);
    if (!m_dragging)
        bar.setStyle(Qt::DashLine);
    painter->setPen(bar);
    painter->drawLine(QPointF(0, m_top), QPointF(0, m_bottom));
    const QRectF grip = gripRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(grip, 3 * m_unit, 3 * m_unit);
    QFont font = painter->font();
    font.setPixelSize(qMax(1, qRound(12 * m_unit)));
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(grip, Qt::AlignCenter, m_label);
}

void PartitionHandleItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_dragging = true;
    update();
    Q_EMIT dragStarted();
}

void PartitionHandleItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragging)
        Q_EMIT dragMoved(event->scenePos());
}

void PartitionHandleItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    update();
    Q_EMIT dragFinished(event->scenePos());
}

void PartitionHandleItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void PartitionHandleItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

} // namespace d3::ui
