#pragma once

#include "RunFigure.h"

#include <QVector>

#include <vector>

class QCPBars;

namespace d3::ui {

/// "stages": each completed request's (not probes) latency stage by stage, stacked in the order data flows
/// (device, uplink, tiles, edge-edge, edge, backbone, cloud, return), one colour each, as a bar at its start time.
/// Bars are 80% of the median time between requests wide. When more than kMaxBars requests fall in the range shown,
/// each bar is the mean of the requests in one of kMaxBars equal time bins (an hour of requests stays legible and
/// cheap to draw). The bars are built when the figure is fitted. GUI thread.
class StagesFigure : public RunFigure
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::StagesFigure)

public:
    /// Most bars drawn; beyond it requests are averaged in time bins.
    static constexpr int kMaxBars = 400;

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
    void fitData(double fromSeconds) override;

private:
    struct Row {
        double x = 0;          // start time in s
        double ms[8] = {};     // per stage, stageNames() order
        bool operator<(const Row &o) const { return x < o.x; }
    };
    void showRaw(std::vector<Row>::const_iterator from);
    void showBinned(std::vector<Row>::const_iterator from);

    QVector<QCPBars *> m_bars;
    std::vector<Row> m_rows; // completed requests, sorted by start
};

} // namespace d3::ui
