#include "BackboneFigure.h"

#include "GappedGraph.h"
#include "QCustomPlotInclude.h"

namespace d3::ui {

BackboneFigure::BackboneFigure(QCustomPlot *plot)
    : RunFigure(plot, tr("Backbone traffic"), tr("edge <-> cloud bytes per request (KiB)"))
{
    m_traffic = new GappedGraph(plot->xAxis, plot->yAxis);
    m_traffic->setName(tr("backbone KiB"));
    m_traffic->setPen(QPen(QColor(140, 86, 75), 1.4));
    m_traffic->setBrush(QColor(140, 86, 75, 40));
    m_traffic->setLineStyle(QCPGraph::lsStepLeft);
    m_traffic->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_raw = new GappedGraph(plot->xAxis, plot->yAxis);
    m_raw->setName(tr("before codecs"));
    m_raw->setPen(QPen(QColor(140, 86, 75), 1.0, Qt::DashLine));
    m_raw->setLineStyle(QCPGraph::lsStepLeft);
}

void BackboneFigure::appendRequest(const core::RequestRecord &r)
{
    if (r.probe)
        return;
    const double x = r.startMs / 1000.0;
    if (!r.completed) {
        m_traffic->addData(x, qQNaN()); // a gap: a failed request's bytes are partial
        m_raw->addData(x, qQNaN());
        return;
    }
    const double kib = double(r.backboneBytes) / 1024.0;
    m_traffic->addData(x, kib);
    include(x, kib);
    // The tensors' bytes before the codecs, where a codec compressed them (a gap where they travelled raw).
    const core::RequestRecord::LinkCodec &c = r.codecs[core::RequestRecord::Backbone];
    if (c.rawBytes > 0 && !c.codec.isEmpty() && c.codec != QLatin1String("none")) {
        m_raw->addData(x, double(c.rawBytes) / 1024.0);
        include(x, double(c.rawBytes) / 1024.0);
    } else {
        m_raw->addData(x, qQNaN());
    }
}

void BackboneFigure::clearData()
{
    m_traffic->data()->clear();
    m_raw->data()->clear();
}

} // namespace d3::ui
