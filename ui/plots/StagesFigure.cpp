#include "StagesFigure.h"

#include "QCustomPlotInclude.h"

#include <algorithm>

namespace d3::ui {
namespace {

struct Stage {
    const char *name;
    QColor color;
    double core::RequestRecord::*ms;
};

const Stage kStages[] = {
    {QT_TRANSLATE_NOOP("RunFigure", "device"), QColor(31, 119, 180), &core::RequestRecord::deviceMs},
    {QT_TRANSLATE_NOOP("RunFigure", "uplink"), QColor(255, 127, 14), &core::RequestRecord::uplinkMs},
    {QT_TRANSLATE_NOOP("RunFigure", "tiles"), QColor(44, 160, 44), &core::RequestRecord::tilesMs},
    {QT_TRANSLATE_NOOP("RunFigure", "edge-edge"), QColor(23, 190, 207), &core::RequestRecord::edgeEdgeMs},
    {QT_TRANSLATE_NOOP("RunFigure", "edge"), QColor(148, 103, 189), &core::RequestRecord::edgeMs},
    {QT_TRANSLATE_NOOP("RunFigure", "backbone"), QColor(214, 39, 40), &core::RequestRecord::backboneMs},
    {QT_TRANSLATE_NOOP("RunFigure", "cloud"), QColor(140, 86, 75), &core::RequestRecord::cloudMs},
    {QT_TRANSLATE_NOOP("RunFigure", "return"), QColor(188, 189, 34), &core::RequestRecord::returnMs},
};

} // namespace

StagesFigure::StagesFigure(QCustomPlot *plot)
    : RunFigure(plot, tr("Latency by stage"), tr("stage latency, stacked (ms)"))
{
    QCPBars *below = nullptr;
    for (const Stage &stage : kStages) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(QCoreApplication::translate("RunFigure", stage.name));
        bars->setPen(Qt::NoPen);
        bars->setBrush(stage.color);
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
    for (const Stage &stage : kStages)
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
        row.ms[i] = qMax(0.0, r.*kStages[i].ms);
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
