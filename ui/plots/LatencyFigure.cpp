#include "LatencyFigure.h"

#include "AxisMarksGraph.h"
#include "GappedGraph.h"
#include "QCustomPlotInclude.h"

namespace d3::ui {

LatencyFigure::LatencyFigure(QCustomPlot *plot)
    : RunFigure(plot, tr("End-to-end latency"), tr("end-to-end latency (ms)"))
{
    m_measured = new GappedGraph(plot->xAxis, plot->yAxis);
    m_measured->setName(tr("measured"));
    m_measured->setPen(QPen(QColor(31, 119, 180), 1.4));
    m_measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));

    m_predicted = plot->addGraph();
    m_predicted->setName(tr("predicted"));
    QPen dashed(QColor(255, 127, 14), 1.4);
    dashed.setStyle(Qt::DashLine);
    m_predicted->setPen(dashed);
    m_predicted->setLineStyle(QCPGraph::lsStepLeft); // a plan's prediction holds until the next plan

    m_failed = new AxisMarksGraph(plot->xAxis, plot->yAxis); // crosses on the x axis, whole: half lie below it
    m_failed->setName(tr("failed"));
    m_failed->setPen(QPen(QColor(214, 39, 40), 1.6));
    m_failed->setLineStyle(QCPGraph::lsNone);
    m_failed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, 9));
}

void LatencyFigure::appendRequest(const core::RequestRecord &r)
{
    if (r.probe)
        return;
    const double x = r.startMs / 1000.0;
    if (r.predictedMs > 0) {
        m_predicted->addData(x, r.predictedMs);
        include(x, r.predictedMs);
    }
    if (r.completed) {
        m_measured->addData(x, r.endToEndMs);
        include(x, r.endToEndMs);
    } else {
        m_measured->addData(x, qQNaN()); // a gap: the line does not pass over failures
        m_failed->addData(x, 0);
        include(x, 0);
    }
}

void LatencyFigure::clearData()
{
    for (QCPGraph *g : {m_measured, m_predicted, m_failed})
        g->data()->clear();
}

} // namespace d3::ui
