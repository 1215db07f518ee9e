#include "TimelineFigure.h"

#include "QCustomPlotInclude.h"

#include <algorithm>

namespace d3::ui {

TimelineFigure::TimelineFigure(QCustomPlot *plot, const core::RunData &data)
    : Figure(plot, tr("Adaptation over the run"), tr("request"), tr("end-to-end latency (ms)"))
    , m_series(plot)
    , m_markers(plot)
{
    QVector<const core::RequestRecord *> requests;
    for (const core::RequestRecord &r : data.requests)
        if (!r.probe)
            requests << &r;
    std::stable_sort(requests.begin(), requests.end(),
                     [](const core::RequestRecord *a, const core::RequestRecord *b) { return a->startMs < b->startMs; });
    double top = 0;
    for (int i = 0; i < requests.size(); ++i) {
        m_starts << requests[i]->startMs;
        top = qMax(top, m_series.add(i + 1, *requests[i]));
    }
    m_markers.setKeyOf([this](double tMs) { return keyOf(tMs); });
    m_markers.setMinSpanWidth(0.6); // a probe's requests are not on this axis: a narrow span between two requests
    for (const core::RunEvent &e : data.events)
        m_markers.add(e);
    m_markers.extendOpenSpan(requests.size() + 0.5);
    const double n = qMax(1.0, double(requests.size()));
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed); // request numbers: whole ticks only
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(whole);
    plot->xAxis->setRange(0.5 - 0.01 * n, n + 0.5 + 0.01 * n);
    plot->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
}

double TimelineFigure::keyOf(double tMs) const
{
    return double(std::lower_bound(m_starts.cbegin(), m_starts.cend(), tMs) - m_starts.cbegin()) + 0.5;
}

} // namespace d3::ui
