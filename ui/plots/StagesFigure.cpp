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
    {"device", QColor(31, 119, 180), &core::RequestRecord::deviceMs},
    {"uplink", QColor(255, 127, 14), &core::RequestRecord::uplinkMs},
    {"tiles", QColor(44, 160, 44), &core::RequestRecord::tilesMs},
    {"edge-edge", QColor(23, 190, 207), &core::RequestRecord::edgeEdgeMs},
    {"edge", QColor(148, 103, 189), &core::RequestRecord::edgeMs},
    {"backbone", QColor(214, 39, 40), &core::RequestRecord::backboneMs},
    {"cloud", QColor(140, 86, 75), &core::RequestRecord::cloudMs},
    {"return", QColor(188, 189, 34), &core::RequestRecord::returnMs},
};

} // namespace

StagesFigure::StagesFigure(QCustomPlot *plot)
    : RunFigure(plot, QStringLiteral("Latency by stage"), QStringLiteral("stage latency, stacked (ms)"))
{
    QCPBars *below = nullptr;
    for (const Stage &stage : kStages) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(QString::fromLatin1(stage.name));
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
    const double x = r.startMs / 1000.0;
    double total = 0;
    for (int i = 0; i < m_bars.size(); ++i) {
        const double ms = qMax(0.0, r.*kStages[i].ms);
        m_bars[i]->addData(x, ms);
        total += ms;
    }
    include(x, total);
    m_starts.insert(std::upper_bound(m_starts.begin(), m_starts.end(), x), x);
}

void StagesFigure::clearData()
{
    for (QCPBars *bars : std::as_const(m_bars))
        bars->data()->clear();
    m_starts.clear();
}

void StagesFigure::fitData()
{
    std::vector<double> gaps;
    for (size_t i = 1; i < m_starts.size(); ++i) {
        if (m_starts[i] > m_starts[i - 1])
            gaps.push_back(m_starts[i] - m_starts[i - 1]);
    }
    double width = 1;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
        width = 0.8 * gaps[gaps.size() / 2];
    } else if (!m_starts.empty()) {
        width = qMax(0.01, 0.02 * m_starts.back());
    }
    for (QCPBars *bars : std::as_const(m_bars))
        bars->setWidth(width);
    if (!m_starts.empty())
        include(m_starts.back() + width / 2, 0);
}

} // namespace d3::ui
