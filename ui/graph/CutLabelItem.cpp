#include "CutLabelItem.h"

#include <QBrush>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QPen>
#include <QtMath>

#include <algorithm>

namespace d3::ui {

namespace {

constexpr int kPadding = 4; ///< pixels between the frame and the text
constexpr int kAway = 6;    ///< pixels between the grip and the label
constexpr int kInset = 2;   ///< pixels kept free at the viewport's edges

} // namespace

CutLabelItem::CutLabelItem()
    : m_text(new QGraphicsSimpleTextItem(this))
{
    setPen(QPen(QColor(60, 60, 60)));
    setBrush(QColor(255, 255, 225, 240));
    setFlag(ItemIgnoresTransformations);
    setZValue(20);
    hide();
}

void CutLabelItem::showBeside(const QString &text, const QRect &grip, const QGraphicsView *view)
{
    m_text->setText(text);
    const QSizeF textSize = m_text->boundingRect().size();
    const int w = qCeil(textSize.width()) + 2 * kPadding;
    const int h = qCeil(textSize.height()) + 2 * kPadding;
    setRect(0, 0, w, h);
    m_text->setPos(kPadding, kPadding);
    const QSize room = view->viewport()->size();
    int x = grip.right() + kAway;
    if (x + w > room.width() - kInset)
        x = grip.left() - kAway - w;
    x = std::max(kInset, std::min(x, room.width() - kInset - w));
    const int y = std::max(kInset, std::min(grip.top(), room.height() - kInset - h));
    setPos(view->mapToScene(QPoint(x, y)));
    show();
}

QString CutLabelItem::text() const
{
    return m_text->text();
}

QRect CutLabelItem::viewportRect(const QGraphicsView *view) const
{
    return deviceTransform(view->viewportTransform()).mapRect(rect()).toAlignedRect();
}

} // namespace d3::ui
