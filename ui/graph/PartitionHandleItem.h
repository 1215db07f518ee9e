#pragma once

#include <QGraphicsObject>

namespace d3::ui {

/// One of the layer graph's two partition handles: a vertical bar at a cut position with a labelled grip on top,
/// dragged with the left mouse button. The grip sits beside the bar on the handle's side (p left, q right), so two
/// handles on one cut stay apart. It does not move itself: it reports where the mouse is and the panel snaps it
/// (setX, setSpan). Its grip and hit area stay the same size on screen at any zoom (setViewScale). GUI thread only.
class PartitionHandleItem : public QGraphicsObject
{
    Q_OBJECT
public:
    /// Which side of the bar the grip is on.
    enum class Side { Left, Right };

    /// A handle labelled label ("p", "q") with its grip on side, coloured colour; call setSpan().
    PartitionHandleItem(const QString &label, Side side, const QColor &colour, QGraphicsItem *parent = nullptr);

    /// Spans the bar from item y top to bottom (the grip above top).
    void setSpan(qreal top, qreal bottom);
    /// Keeps the grip and the hit area about the same number of pixels wide at view scale (pixels per scene unit).
    void setViewScale(qreal scale);
    /// The grip's rectangle beside the top of the bar (item coordinates).
    QRectF gripRect() const;
    /// True between a press on the handle and its release.
    bool isDragging() const { return m_dragging; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    /// The user pressed the handle.
    void dragStarted();
    /// The mouse moved while dragging, to scene point at.
    void dragMoved(const QPointF &at);
    /// The user released the handle at scene point at.
    void dragFinished(const QPointF &at);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QString m_label;
    Side m_side;
    qreal m_top = 0;
    qreal m_bottom = 0;
    QColor m_colour;
    qreal m_unit = 1; ///< scene units per pixel
    bool m_dragging = false;
    bool m_hovered = false;
};

} // namespace d3::ui
