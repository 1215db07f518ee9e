#include "RunFigure.h"

#include "QCustomPlotInclude.h"

#include <cmath>

namespace d3::ui {

RunFigure::RunFigure(QCustomPlot *plot, const QString &title, const QString &yLabel)
    : m_plot(plot), m_markers(plot)
{
    plot->setInteractions(QCP::Interactions());
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() + 2);
    titleFont.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, titleFont));

    plot->xAxis->setLabel(tr("time since the run started (s)"));
    plot->yAxis->setLabel(yLabel);
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1);

    plot->legend->setVisible(true);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(5);
    plot->plotLayout()->addElement(2, 0, plot->legend); // below the axis rect, out of its way
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
}

RunFigure::~RunFigure() = default;

void RunFigure::load(const core::RunData &data)
{
    clear();
    for (const core::RequestRecord &r : data.requests)
        appendRequest(r);
    for (const core::RunEvent &e : data.events)
        addEvent(e);
    fit();
}

void RunFigure::addEvent(const core::RunEvent &event)
{
    if (m_markers.add(event))
        m_maxX = qMax(m_maxX, event.tMs / 1000.0);
}

void RunFigure::clear()
{
    clearData();
    m_markers.clear();
    m_maxX = m_maxY = 0;
}

void RunFigure::include(double xSeconds, double y)
{
    if (std::isfinite(xSeconds))
        m_maxX = qMax(m_maxX, xSeconds);
    if (std::isfinite(y))
        m_maxY = qMax(m_maxY, y);
}

void RunFigure::fit(double windowSeconds)
{
    const bool windowed = windowSeconds > 0 && m_maxX > windowSeconds;
    fitData(windowed ? m_maxX - windowSeconds : -1e300);
    const double maxX = m_maxX > 0 ? m_maxX : 1;
    if (windowed)
        m_plot->xAxis->setRange(maxX - windowSeconds, maxX + 0.03 * windowSeconds);
    else
        m_plot->xAxis->setRange(-0.025 * maxX, maxX * 1.03);
    // Headroom above the data for the marker labels, which start near the top of the axis rect.
    m_plot->yAxis->setRange(0, m_maxY > 0 ? m_maxY * 1.3 : 1);
}

} // namespace d3::ui
