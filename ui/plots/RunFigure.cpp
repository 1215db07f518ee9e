#include "RunFigure.h"

#include "QCustomPlotInclude.h"

#include <cmath>

namespace d3::ui {

RunFigure::RunFigure(QCustomPlot *plot, const QString &title, const QString &yLabel)
    : Figure(plot, title, tr("time since the run started (s)"), yLabel), m_markers(plot)
{
}

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
        m_maxX = qMax(m_maxX, m_markers.lastSeconds());
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
    m_markers.extendOpenSpan(m_maxX);
    const double maxX = m_maxX > 0 ? m_maxX : 1;
    if (windowed)
        plot()->xAxis->setRange(maxX - windowSeconds, maxX + 0.03 * windowSeconds);
    else
        plot()->xAxis->setRange(-0.025 * maxX, maxX * 1.03);
    // The marker labels stand above the axis rect: a little headroom is enough.
    plot()->yAxis->setRange(0, m_maxY > 0 ? m_maxY * 1.08 : 1);
}

} // namespace d3::ui
