#include "AxisMarksGraph.h"

namespace d3::ui {

AxisMarksGraph::AxisMarksGraph(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPGraph(keyAxis, valueAxis)
{
}

QRect AxisMarksGraph::clipRect() const
{
    return QCPGraph::clipRect().adjusted(-kMarginPx, -kMarginPx, kMarginPx, kMarginPx);
}

} // namespace d3::ui
