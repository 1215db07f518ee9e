#include "GappedGraph.h"

#include <cmath>

namespace d3::ui {

GappedGraph::GappedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPGraph(keyAxis, valueAxis)
{
}

void GappedGraph::drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters,
                                  const QCPScatterStyle &style) const
{
    QVector<QPointF> drawn;
    drawn.reserve(scatters.size());
    for (const QPointF &p : scatters) {
        if (std::isfinite(p.x()) && std::isfinite(p.y()) && !(p.x() == 0 && p.y() == 0))
            drawn.append(p);
    }
    QCPGraph::drawScatterPlot(painter, drawn, style);
}

} // namespace d3::ui
