#include "StagesFigure.h"

#include "HatchedBars.h"
#include "QCustomPlotInclude.h"
#include "StageStyle.h"

#include <algorithm>

namespace d3::ui {

StagesFigure::StagesFigure(QCustomPlot *plot)
    : RunFigure(plot, tr("Latency by stage"), tr("stage latency, stacked (ms)"))
{
    QCPBars *below = nullptr;
    for (int i = 0; i < StageStyle::all().size(); ++i) {
        auto *bars = new HatchedBars(plot->xAxis, plot->yAxis);
        StageStyle::apply(bars, i);
        bars->setWidth(1);
        bars->setStackingGap(0);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars << bars;
    }
}

QStringList StagesFigure::stageNames()
{
    QStringList names;
    for (const StageStyle &stage : StageStyle::all())
        names << QString::fromLatin1(stage.name);
    return names;
}

void StagesFigure::appendRequest(const core::RequestRecord &r)
{
    if (r.probe || !r.completed)
        return;
    Row row;
    row.x = r.startMs / 1000.0;
    double total = 0;
    for (int i = 0; i < m_bars.size(); ++i) {
        row.ms[i] = qMax(0.0, r.*StageStyle::all().at(i).ms);
        total += row.ms[i];
    }
    include(row.x, total);
    m_rows.insert(std::upper_bound(m_rows.begin(), m_rows.end(), row), row);
}

void StagesFigure::clearData()
{
    for (QCPBars *bars : std::as_const(m_bars))
        bars->data()->clear();
    m_rows.clear();
}

void StagesFigure::fitData(double fromSeconds)
{
    Row first;
    first.x = fromSeconds;
    const auto from = std::lower_bound(m_rows.cbegin(), m_rows.cend(), first);
    if (m_rows.cend() - from > kMaxBars)
        showBinned(from);
    else
        showRaw(from);
}

void StagesFigure::showRaw(std::vector<Row>::const_iterator from)
{
    std::vector<double> gaps;
    for (auto it = from; it != m_rows.cend(); ++it) {
        if (it != from && it->x > (it - 1)->x)
            gaps.push_back(it->x - (it - 1)->x);
    }
    double width = 1;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
        width = 0.8 * gaps[gaps.size() / 2];
    } else if (from != m_rows.cend()) {
        width = qMax(0.01, 0.02 * m_rows.back().x);
    }
    for (int i = 0; i < m_bars.size(); ++i) {
        QVector<QCPBarsData> data;
        data.reserve(int(m_rows.cend() - from));
        for (auto it = from; it != m_rows.cend(); ++it)
            data.append(QCPBarsData(it->x, it->ms[i]));
        m_bars[i]->data()->set(data, true);
        m_bars[i]->setWidth(width);
    }
    if (from != m_rows.cend())
        include(m_rows.back().x + width / 2, 0);
}

void StagesFigure::showBinned(std::vector<Row>::const_iterator from)
{
    const double x0 = from->x;
    const double span = qMax(1e-9, m_rows.back().x - x0);
    const double binWidth = span / kMaxBars;
    std::vector<Row> bins(kMaxBars);
    std::vector<int> counts(kMaxBars, 0);
    for (auto it = from; it != m_rows.cend(); ++it) {
        const int b = qMin(kMaxBars - 1, int((it->x - x0) / binWidth));
        for (int i = 0; i < m_bars.size(); ++i)
            bins[b].ms[i] += it->ms[i];
        ++counts[b];
    }
    for (int i = 0; i < m_bars.size(); ++i) {
        QVector<QCPBarsData> data;
        data.reserve(kMaxBars);
        for (int b = 0; b < kMaxBars; ++b) {
            if (counts[b] > 0)
                data.append(QCPBarsData(x0 + (b + 0.5) * binWidth, bins[b].ms[i] / counts[b]));
        }
        m_bars[i]->data()->set(data, true);
        m_bars[i]->setWidth(0.9 * binWidth);
    }
    include(m_rows.back().x + binWidth / 2, 0);
}

} // namespace d3::ui
