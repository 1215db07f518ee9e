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
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    if (zoom() > 1)
        setZoom(1);
    else
        setZoom(std::clamp(zoom(), kMinZoom, kMaxZoom)); // emits zoomChanged
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
