#include "TileGridView.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace d3::ui {
namespace {

constexpr qreal kMargin = 6;

} // namespace

TileGridView::TileGridView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TileGridView::setCells(const QSizeF &map, const QVector<Cell> &cells)
{
    m_map = map;
    m_cells = cells;
    m_message.clear();
    update();
}

void TileGridView::clear(const QString &message)
{
    m_map = QSizeF();
    m_cells.clear();
    m_message = message;
    update();
}

bool TileGridView::setTimes(const QVector<double> &ms)
{
    if (ms.size() != m_cells.size() || m_cells.isEmpty())
        return false;
    for (int i = 0; i < ms.size(); ++i)
        m_cells[i].ms = ms.at(i);
    update();
    return true;
}

void TileGridView::setHaloShown(bool shown)
{
    m_halo = shown;
    update();
}

QString TileGridView::label(int i) const
{
    const Cell &c = m_cells.at(i);
    if (c.ms < 0)
        return c.node;
    return c.node + QLatin1Char('\n') + tr("%1 ms").arg(c.ms, 0, 'f', c.ms < 10 ? 2 : 1);
}

QSize TileGridView::sizeHint() const
{
    return {280, 240};
}

QSize TileGridView::minimumSizeHint() const
{
    return {120, 100};
}

QRectF TileGridView::mapRect() const
{
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (m_map.isEmpty() || area.isEmpty())
        return {};
    const qreal scale = std::min(area.width() / m_map.width(), area.height() / m_map.height());
    const QSizeF size = m_map * scale;
    return {area.center() - QPointF(size.width(), size.height()) / 2, size};
}

QRectF TileGridView::toWidget(const QRectF &r) const
{
    const QRectF map = mapRect();
    if (map.isEmpty())
        return {};
    const qreal s = map.width() / m_map.width();
    return {map.topLeft() + r.topLeft() * s, r.size() * s};
}

void TileGridView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_cells.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    for (int i = 0; i < m_cells.size(); ++i) {
        const QRectF r = tileRect(i);
        painter.fillRect(r, m_cells.at(i).colour);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawRect(r);
        painter.setPen(Qt::black);
        painter.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, label(i));
    }
    if (!m_halo)
        return;
    painter.setBrush(Qt::NoBrush);
    for (int i = 0; i < m_cells.size(); ++i) {
        QPen pen(m_cells.at(i).colour.darker(220), 1.5, Qt::DashLine);
        painter.setPen(pen);
        painter.drawRect(haloRect(i).adjusted(0.75, 0.75, -0.75, -0.75));
    }
}

bool TileGridView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    for (int i = 0; i < m_cells.size(); ++i) {
        if (tileRect(i).contains(help->pos())) {
            QToolTip::showText(help->globalPos(), m_cells.at(i).tip, this);
            return true;
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

} // namespace d3::ui
