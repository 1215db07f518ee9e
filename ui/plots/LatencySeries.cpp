#include "LatencySeries.h"

#include "AxisMarksGraph.h"
#include "GappedGraph.h"
#include "QCustomPlotInclude.h"

namespace d3::ui {

LatencySeries::LatencySeries(QCustomPlot *plot)
{
    // Okabe-Ito blue and vermillion: apart in colour and in lightness; the dashes and crosses keep them apart in grey.
    m_measured = new GappedGraph(plot->xAxis, plot->yAxis);
    m_measured->setName(tr("measured"));
    m_measured->setPen(QPen(QColor(0x00, 0x72, 0xB2), 1.4));
    m_measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));

    m_predicted = plot->addGraph();
    m_predicted->setName(tr("predicted"));
    QPen dashed(QColor(0xD5, 0x5E, 0x00), 1.4);
    dashed.setStyle(Qt::DashLine);
    m_predicted->setPen(dashed);
    m_predicted->setLineStyle(QCPGraph::lsStepLeft); // a plan's prediction holds until the next plan

    m_failed = new AxisMarksGraph(plot->xAxis, plot->yAxis); // crosses on the x axis, whole: half lie below it
    m_failed->setName(tr("failed"));
    m_failed->setPen(QPen(QColor(190, 30, 30), 1.6));
    m_failed->setLineStyle(QCPGraph::lsNone);
    m_failed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, 9));
}

double LatencySeries::add(double x, const core::RequestRecord &r)
{
    double top = 0;
    if (r.predictedMs > 0) {
        m_predicted->addData(x, r.predictedMs);
        top = r.predictedMs;
    }
    if (r.completed) {
        m_measured->addData(x, r.endToEndMs);
        top = qMax(top, r.endToEndMs);
    } else {
        m_measured->addData(x, qQNaN()); // a gap: the line does not pass over failures
        m_failed->addData(x, 0);
    }
    return top;
}

void LatencySeries::clear()
{
    for (QCPGraph *g : {m_measured, m_predicted, m_failed})
        g->data()->clear();
}

} // namespace d3::ui
