#pragma once

#include <QGraphicsObject>

namespace d3::ui {

/// One of the layer graph's two partition handles: a vertical bar at a cut position with a grip on top, dragged
/// sideways with the left mouse button. It does not move itself: it reports where the mouse is and the panel snaps
/// it (setX). Its grip and hit area stay the same size on screen at any zoom (setViewScale). GUI thread only.
class PartitionHandleItem : public QGraphicsObject
{
    Q_OBJECT
public:
    /// A handle labelled label ("p", "q") spanning scene y from top to bottom, coloured colour.
    PartitionHandleItem(const QString &label, qreal top, qreal bottom, const QColor &colour,
                        QGraphicsItem *parent = nullptr);

    /// Keeps the grip and the hit area about the same number of pixels wide at view scale (pixels per scene unit).
    void setViewScale(qreal scale);
    /// True between a press on the handle and its release.
    bool isDragging() const { return m_dragging; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    /// The user pressed the handle.
    void dragStarted();
    /// The mouse moved while dragging, to scene x.
    void dragMoved(qreal sceneX);
    /// The user released the handle at scene x.
    void dragFinished(qreal sceneX);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    /// The grip's rectangle above the bar (item coordinates).
    QRectF gripRect() const;

    QString m_label;
    qreal m_top;
    qreal m_bottom;
    QColor m_colour;
    qreal m_unit = 1; ///< scene units per pixel
    bool m_dragging = false;
    bool m_hovered = false;
};

} // namespace d3::ui
