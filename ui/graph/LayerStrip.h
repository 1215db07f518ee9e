#pragma once

#include "LayerNodeItem.h"

#include <QVector>
#include <QWidget>

namespace d3::ui {

/// The whole model in one strip above the layer graph: every layer a cell in topological order across the strip's
/// width, coloured by the tier that runs it (the tiled stack patterned), the cuts p and q marked and labelled, and
/// the layers the graph's view shows outlined. However long the model (densenet121's 427 layers), the partition is
/// seen whole while the view shows its rows in detail; a click or drag on the strip asks to show that layer.
/// GUI thread.
class LayerStrip : public QWidget
{
    Q_OBJECT
public:
    /// An empty strip.
    explicit LayerStrip(QWidget *parent = nullptr);

    /// The tier of every layer, in order (their count is the strip's number of cells).
    void setTiers(const QVector<LayerNodeItem::Tier> &tiers);
    /// The cuts shown (0..n).
    void setCuts(int p, int q);
    /// The layers the view shows, [first, last] (first > last: none).
    void setVisible(int first, int last);

    /// Number of cells (layers).
    int layerCount() const { return int(m_tiers.size()); }
    /// The tier shown for layer i.
    LayerNodeItem::Tier tier(int i) const { return m_tiers.at(i); }
    /// The x (pixels) where cut k is drawn.
    qreal cutX(int k) const;
    /// The layer under pixel x, clamped to 0..n-1 (-1 when there are none).
    int layerAt(qreal x) const;
    /// The outlined range of layers shown in the view.
    std::pair<int, int> visibleLayers() const { return {m_first, m_last}; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The operator clicked or dragged over layer.
    void layerRequested(int layer);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    /// The cells' area: the strip less its margins.
    QRectF cells() const;

    QVector<LayerNodeItem::Tier> m_tiers;
    int m_p = 0;
    int m_q = 0;
    int m_first = 0;
    int m_last = -1;
};

} // namespace d3::ui
