#pragma once

#include <QGraphicsView>

namespace d3::ui {

/// The layer graph's view: the wheel zooms about the mouse, dragging the background pans, fitAll() shows the whole
/// scene. GUI thread only.
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

    /// The smallest zoom.
    static constexpr qreal kMinZoom = 0.01;
    /// The largest zoom.
    static constexpr qreal kMaxZoom = 4;

public Q_SLOTS:
    /// Zooms in one step (x1.25).
    void zoomIn();
    /// Zooms out one step.
    void zoomOut();
    /// Fits the whole scene into the view (never enlarging past 1:1).
    void fitAll();

Q_SIGNALS:
    /// The zoom changed (pixels per scene unit).
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;

private:
    /// Multiplies the zoom by factor (clamped), about the current anchor.
    void zoomBy(qreal factor);
};

} // namespace d3::ui
