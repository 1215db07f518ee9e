#pragma once

#include "RunFigure.h"

#include <QVector>

#include <vector>

class QCPBars;

namespace d3::ui {

/// "stages": each completed request's (not probes) latency stage by stage, stacked in the order data flows
/// (device, uplink, tiles, edge-edge, edge, backbone, cloud, return), one colour each, as a bar at its start time.
/// Bars are 80% of the median time between requests wide. GUI thread.
class StagesFigure : public RunFigure
{
public:
    /// Sets up plot (a fresh QCustomPlot, not owned).
    explicit StagesFigure(QCustomPlot *plot);

    /// "stages".
    QString name() const override { return QStringLiteral("stages"); }
    /// Adds one request (see the class comment for what is drawn).
    void appendRequest(const core::RequestRecord &request) override;

    /// The stages' names, bottom to top.
    static QStringList stageNames();
    /// The bars of each stage, bottom to top (stageNames() order).
    const QVector<QCPBars *> &bars() const { return m_bars; }

protected:
    void clearData() override;
    void fitData() override;

private:
    QVector<QCPBars *> m_bars;
    std::vector<double> m_starts; // start times in s, sorted
};

} // namespace d3::ui
