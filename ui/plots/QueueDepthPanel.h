#pragma once

#include "ThroughputMeter.h"
#include "control/StageDepths.h"
#include "experiment/ExperimentStream.h"

#include <QWidget>

namespace d3::ui {

/// A strip above the live plots: where a stream's requests are now, per place in request order (waiting at the
/// device, computing or queued at the device, the tiles, the edge and the cloud, returning), each a cell with its
/// count, filled in its tier's colour as far as the count goes towards the queue (waiting) or the in-flight bound
/// (the stages); the bound; and the session's throughput (requests completed per second over the last 5 s,
/// ThroughputMeter). Without a stream it says requests go one at a time. Takes new
/// depths at any rate and paints at most once a redraw period (LivePlotsPanel's timer calls redrawIfDirty). GUI
/// thread.
class QueueDepthPanel : public QWidget
{
    Q_OBJECT
public:
    /// An empty strip.
    explicit QueueDepthPanel(QWidget *parent = nullptr);

    /// The requests per place (core::StageDepths::Place order), shown at the next redraw.
    void setDepths(const core::StageDepths::Counts &counts);
    /// The stream in effect (its bound; not enabled: one request at a time).
    void setStream(const core::ExperimentStream &stream);
    /// A request ended (for the throughput).
    void appendRequest(const core::RequestRecord &record);
    /// Back to empty (another session).
    void clear();
    /// Paints now if something changed since the last paint; true when it did.
    bool redrawIfDirty();

    /// The depths shown.
    const core::StageDepths::Counts &depths() const { return m_counts; }
    /// Requests completed per second over the last 5 s.
    double throughput() const { return m_throughput.perSecond(); }
    /// A place's label ("waiting", "device", ..., translated).
    static QString placeLabel(int place);
    /// The strip's text as painted, one line ("waiting 2 · device 1 · … · 23.4 req/s"): for tests and the
    /// accessible description.
    QString summary() const;
    /// Paints done so far.
    int paints() const { return m_paints; }

    /// As wide as the plots like, two lines of text high.
    QSize sizeHint() const override;
    /// Two lines of text high.
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /// The throughput's text ("23.4 req/s completed (last 5 s)").
    QString throughputText() const;
    /// The count that fills place's cell.
    int scaleOf(int place) const;

    core::StageDepths::Counts m_counts{};
    core::ExperimentStream m_stream;
    ThroughputMeter m_throughput;
    bool m_dirty = true;
    int m_paints = 0;
};

} // namespace d3::ui
