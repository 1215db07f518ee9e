#include "LayerStrip.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace d3::ui {

namespace {

constexpr int kHeight = 26;      ///< pixels: the cut labels above, the cells below
constexpr qreal kMargin = 10;    ///< pixels left and right, so that the cut labels at 0 and n fit
constexpr qreal kLabelRow = 11;  ///< pixels of the cut labels' row

} // namespace

LayerStrip::LayerStrip(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("layerStrip"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole model: each layer's tier, the cuts p and q; click to show a layer below"));
}

void LayerStrip::setTiers(const QVector<LayerNodeItem::Tier> &tiers)
{
    if (tiers == m_tiers)
        return;
    m_tiers = tiers;
    update();
}

void LayerStrip::setCuts(int p, int q)
{
    m_p = p;
    m_q = q;
    update();
}

void LayerStrip::setVisible(int first, int last)
{
    if (first == m_first && last == m_last)
        return;
    m_first = first;
    m_last = last;
    update();
}

QRectF LayerStrip::cells() const
{
    return QRectF(kMargin, kLabelRow, std::max(1.0, width() - 2 * kMargin), height() - kLabelRow - 2);
}

qreal LayerStrip::cutX(int k) const
{
    const QRectF c = cells();
    return c.left() + c.width() * k / std::max(1, layerCount());
}

int LayerStrip::layerAt(qreal x) const
{
    if (m_tiers.isEmpty())
        return -1;
    const QRectF c = cells();
    return std::clamp(int((x - c.left()) / c.width() * layerCount()), 0, layerCount() - 1);
}

QSize LayerStrip::sizeHint() const
{
    return {400, kHeight};
}

QSize LayerStrip::minimumSizeHint() const
{
    return {100, kHeight};
}

void LayerStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF c = cells();
    const int n = layerCount();
    for (int i = 0; i < n; ++i) {
        const QRectF cell(cutX(i), c.top(), std::max(1.0, cutX(i + 1) - cutX(i)), c.height());
        const QColor colour = LayerNodeItem::tierColour(m_tiers[i]);
        painter.fillRect(cell, colour.lighter(m_tiers[i] == LayerNodeItem::Tier::TiledEdge ? 120 : 140));
    }
    if (n > 0 && m_first <= m_last) { // what the view shows
        painter.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(cutX(m_first), c.top(), cutX(m_last + 1) - cutX(m_first), c.height()).adjusted(0, 0.75, 0, -0.75));
    }
    QFont font = painter.font();
    font.setPixelSize(int(kLabelRow) - 1);
    font.setBold(true);
    painter.setFont(font);
    const struct {
        int cut;
        const char *name;
        LayerNodeItem::Tier tier;
        int side; // the label's side of its tick: p left, q right, so that they never cover each other
    } marks[] = {{m_p, "p", LayerNodeItem::Tier::Device, -1}, {m_q, "q", LayerNodeItem::Tier::Cloud, 1}};
    for (const auto &m : marks) {
        const qreal x = cutX(m.cut);
        const QColor colour = LayerNodeItem::tierColour(m.tier).darker(140);
        painter.setPen(QPen(colour, 2));
        painter.drawLine(QPointF(x, 1), QPointF(x, height() - 1));
        const QRectF label(m.side < 0 ? x - kLabelRow - 1 : x + 2, 0, kLabelRow, kLabelRow);
        painter.drawText(label, Qt::AlignCenter, QLatin1String(m.name));
    }
}

void LayerStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && layerAt(event->position().x()) >= 0)
        Q_EMIT layerRequested(layerAt(event->position().x()));
}

void LayerStrip::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && layerAt(event->position().x()) >= 0)
        Q_EMIT layerRequested(layerAt(event->position().x()));
}

bool LayerStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_tiers.isEmpty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int layer = layerAt(help->pos().x());
        QToolTip::showText(help->globalPos(), tr("layer %1 on the %2; cuts p = %3, q = %4")
                                                  .arg(layer)
                                                  .arg(LayerNodeItem::tierName(m_tiers.at(layer)))
                                                  .arg(m_p)
                                                  .arg(m_q),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace d3::ui
