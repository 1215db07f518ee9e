#include "HatchedBars.h"

#include <QtMath>

#include <cmath>

namespace d3::ui {
namespace {

/// Lines x + sign * y = c every step, cut to rect (sign 1: "/" on screen, -1: "\").
void diagonals(QCPPainter *painter, const QRectF &r, int sign, double step)
{
    const double lo = sign > 0 ? r.left() + r.top() : r.left() - r.bottom();
    const double hi = sign > 0 ? r.right() + r.bottom() : r.right() - r.top();
    for (double c = std::ceil(lo / step) * step; c < hi; c += step) {
        // x in [left, right] with y = (c - x) * sign in [top, bottom]
        const double x0 = sign > 0 ? qMax(r.left(), c - r.bottom()) : qMax(r.left(), c + r.top());
        const double x1 = sign > 0 ? qMin(r.right(), c - r.top()) : qMin(r.right(), c + r.bottom());
        if (x1 > x0)
            painter->drawLine(QLineF(x0, sign * (c - x0), x1, sign * (c - x1)));
    }
}

} // namespace

HatchedBars::HatchedBars(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPBars(keyAxis, valueAxis)
{
}

void HatchedBars::drawHatch(QCPPainter *painter, const QRectF &rect, Hatch hatch, const QColor &fill, double spacing)
{
    const QRectF r = rect.normalized();
    if (hatch == Hatch::None || r.width() < spacing || r.height() < spacing)
        return;
    painter->save();
    painter->setPen(QPen(fill.lightnessF() < 0.45 ? QColor(255, 255, 255, 200) : QColor(0, 0, 0, 170), 0.6));
    painter->setBrush(Qt::NoBrush);
    const double step = spacing * M_SQRT2;
    switch (hatch) {
    case Hatch::Forward:
        diagonals(painter, r, 1, step);
        break;
    case Hatch::Backward:
        diagonals(painter, r, -1, step);
        break;
    case Hatch::Cross:
        diagonals(painter, r, 1, step * 1.5);
        diagonals(painter, r, -1, step * 1.5);
        break;
    case Hatch::Horizontal:
        for (double y = std::ceil(r.top() / spacing) * spacing; y < r.bottom(); y += spacing)
            painter->drawLine(QLineF(r.left(), y, r.right(), y));
        break;
    case Hatch::Vertical:
        for (double x = std::ceil(r.left() / spacing) * spacing; x < r.right(); x += spacing)
            painter->drawLine(QLineF(x, r.top(), x, r.bottom()));
        break;
    case Hatch::None:
        break;
    }
    painter->restore();
}

void HatchedBars::draw(QCPPainter *painter)
{
    QCPBars::draw(painter);
    if (m_hatch == Hatch::None || mDataContainer->isEmpty())
        return;
    QCPBarsDataContainer::const_iterator begin, end;
    getVisibleDataBounds(begin, end);
    for (auto it = begin; it != end; ++it) {
        if (std::isfinite(it->value) && it->value != 0)
            drawHatch(painter, getBarRect(it->key, it->value), m_hatch, brush().color(), kSpacingPx);
    }
}

void HatchedBars::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    QCPBars::drawLegendIcon(painter, rect);
    QRectF icon(0, 0, rect.width() * 0.67, rect.height() * 0.67); // where QCPBars draws its icon
    icon.moveCenter(rect.center());
    drawHatch(painter, icon, m_hatch, brush().color(), kSpacingPx * 0.75);
}

} // namespace d3::ui
