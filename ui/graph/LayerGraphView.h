#pragma once

#include <QGraphicsView>

namespace d3::ui {

/// The layer graph's view: the wheel zooms about the mouse, dragging the background pans, fitAll() shows the whole
/// scene as far as the readable zoom allows. GUI thread only.
class LayerGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    /// A view of scene (not owned; may be null).
    explicit LayerGraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    /// Pixels per scene unit.
    qreal zoom() const { return transform().m11(); }
    /// Sets the zoom (pixels per scene unit), clamped to [kMinZoom, kMaxZoom], about the view's centre.
    void setZoom(qreal zoom);
    /// The scene point at the middle of the viewport.
    QPointF centre() const;
    /// The smallest zoom fitAll() goes down to (the text stays readable); kMinZoom by default.
    qreal readableZoom() const { return m_readableZoom; }
    /// Sets the smallest zoom fitAll() goes down to.
    void setReadableZoom(qreal zoom) { m_readableZoom = zoom; }

    /// The smallest zoom.
    static constexpr qreal kMinZoom = 0.01;
    /// The largest zoom.
    static constexpr qreal kMaxZoom = 4;

public Q_SLOTS:
    /// Zooms in one step (x1.25).
    void zoomIn();
    /// Zooms out one step.
    void zoomOut();
    /// Fits the whole scene into the view (never enlarging past 1:1, never below readableZoom(); then its top).
    void fitAll();

Q_SIGNALS:
    /// The zoom changed (pixels per scene unit).
    void zoomChanged(qreal zoom);
    /// The viewport changed its size.
    void resized();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Multiplies the zoom by factor (clamped), about the current anchor.
    void zoomBy(qreal factor);

    qreal m_readableZoom = kMinZoom;
};

} // namespace d3::ui
