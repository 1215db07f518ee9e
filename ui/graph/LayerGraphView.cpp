#include "LayerGraphView.h"

#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace d3::ui {

namespace {

constexpr qreal kStep = 1.25;

} // namespace

LayerGraphView::LayerGraphView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setDragMode(ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
}

void LayerGraphView::setZoom(qreal zoom)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(zoom / this->zoom());
    setTransformationAnchor(anchor);
}

QPointF LayerGraphView::centre() const
{
    const QPointF middle(viewport()->width() / 2.0, viewport()->height() / 2.0);
    return viewportTransform().inverted().map(middle);
}

void LayerGraphView::zoomIn()
{
    setZoom(zoom() * kStep);
}

void LayerGraphView::zoomOut()
{
    setZoom(zoom() / kStep);
}

void LayerGraphView::fitAll()
{
    if (!scene())
        return;
    const QRectF all = sceneRect();
    fitInView(all, Qt::KeepAspectRatio);
    setZoom(std::clamp(zoom(), std::max(kMinZoom, m_readableZoom), 1.0)); // emits zoomChanged
    const qreal visibleHeight = viewport()->height() / zoom();
    if (visibleHeight < all.height()) // too tall to read whole: its top
        centerOn(all.center().x(), all.top() + visibleHeight / 2);
}

void LayerGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    Q_EMIT resized();
}

void LayerGraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event); // horizontal wheels scroll
        return;
    }
    zoomBy(std::pow(kStep, delta / 120.0));
    event->accept();
}

void LayerGraphView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (zoom() > 0)
        scale(target / zoom(), target / zoom());
    Q_EMIT zoomChanged(zoom());
}

} // namespace d3::ui
